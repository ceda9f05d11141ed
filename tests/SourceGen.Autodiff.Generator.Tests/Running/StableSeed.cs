namespace SourceGen.Autodiff.Generator.Tests.Running;

/// <summary>A seed for System.Random that depends only on the case and point (string.GetHashCode is randomized per process).</summary>
public static class StableSeed
{
    public static int Of(string name, int point)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in name)
            {
                hash = (hash ^ c) * 16777619;
            }
            return (hash ^ point) * 16777619 & int.MaxValue;
        }
    }
}
