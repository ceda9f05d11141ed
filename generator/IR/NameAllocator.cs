using System.Collections.Generic;

namespace SourceGen.Autodiff.Generator.IR;

/// <summary>
/// Hands out identifiers that collide with nothing the user wrote and nothing handed out
/// before: the preferred name if free, else the name with the smallest free numeric suffix.
/// </summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _taken;

    public NameAllocator(IEnumerable<string> taken) => _taken = new HashSet<string>(taken);

    public bool IsTaken(string name) => _taken.Contains(name);

    public string Fresh(string preferred)
    {
        // A name derived from a verbatim identifier (@double + Bar) is not a keyword any more.
        preferred = Model.Identifiers.Escape(Model.Identifiers.Unescape(preferred));
        if (_taken.Add(preferred))
        {
            return preferred;
        }
        var separator = char.IsDigit(preferred[preferred.Length - 1]) ? "_" : "";
        for (var i = 1; ; i++)
        {
            var candidate = preferred + separator + i;
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
