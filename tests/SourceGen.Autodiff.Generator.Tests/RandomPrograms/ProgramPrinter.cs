using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SourceGen.Autodiff.Generator.Tests.RandomPrograms;

/// <summary>
/// Prints a <see cref="RandomProgram"/> as C#: the [Differentiable] methods themselves, or their
/// twin (class <c>P{Seed}Twin</c>, not differentiable): the same code over forward-mode dual
/// numbers (<c>Dual</c>, <c>DualMath</c> in <see cref="SupportSource"/>), which also appends its
/// decisions on double values (conditions, the side of a kink) to a <c>List&lt;int&gt; __t</c>.
/// </summary>
public sealed class ProgramPrinter
{
    public const string Namespace = "RandomPrograms";
    private readonly bool _twin;
    private readonly StringBuilder _text = new();
    private int _indent;

    private ProgramPrinter(bool twin) => _twin = twin;

    /// <summary>The file with the [Differentiable] method.</summary>
    public static string Source(RandomProgram program)
    {
        var printer = new ProgramPrinter(twin: false);
        printer.File(program, $"public static partial class {program.ClassName}", "[Differentiable]");
        return printer._text.ToString();
    }

    /// <summary>The twin over dual numbers that records its decisions.</summary>
    public static string TwinSource(RandomProgram program)
    {
        var printer = new ProgramPrinter(twin: true);
        printer.File(program, $"public static class {TwinClassName(program)}", null);
        return printer._text.ToString();
    }

    public static string TwinClassName(RandomProgram program) => program.ClassName + "Twin";

    /// <summary>The twin's type for a double value.</summary>
    private string Real => _twin ? "Dual" : "double";

    private void File(RandomProgram program, string classHeader, string? attribute)
    {
        Line($"// Random program, seed {program.Seed}");
        Line("using System;");
        Line("using System.Collections.Generic;");
        Line("using SourceGen.Autodiff;");
        Line("");
        Line($"namespace {Namespace};");
        Line("");
        Line(classHeader);
        Open();
        foreach (var helper in program.Helpers)
        {
            Method(attribute, Real, helper.Name, helper.Parameters, helper.Body);
            Line("");
        }
        Method(attribute, ReturnType(program.Result), RandomProgram.MethodName, program.Parameters, program.Body);
        Close();
    }

    private void Method(string? attribute, string returnType, string name, IReadOnlyList<Parameter> parameters, IReadOnlyList<Stmt> body)
    {
        if (attribute is not null)
        {
            Line(attribute);
        }
        var declarations = parameters.Select(p => _twin ? TwinType(p) + " " + p.Name : Declaration(p)).ToList();
        if (_twin)
        {
            declarations.Add("__Recorder __t");
        }
        var header = $"public static {returnType} {name}({string.Join(", ", declarations)})";
        if (body is [Return { Value: { } value }])
        {
            Line($"{header} => {Top(value)};"); // expression body
            return;
        }
        Line(header);
        Block(body);
    }

    private string ReturnType(ResultKind result) => result switch
    {
        ResultKind.Scalar => Real,
        ResultKind.Array => Real + "[]",
        ResultKind.Tensor => _twin ? "Dual[]" : "Tensor",
        _ => "void",
    };

    /// <summary>Arrays, spans and rank-1 tensors of the twin are Dual[], rank-2 tensors Dual[,] (it is called only through its probe).</summary>
    private static string TwinType(Parameter p) => p.Kind switch
    {
        ParameterKind.Real => "Dual",
        ParameterKind.Int => "int",
        ParameterKind.Tensor when p.Columns > 0 => "Dual[,]",
        _ => "Dual[]",
    };

    public static string TypeOf(ParameterKind kind) => kind switch
    {
        ParameterKind.Real => "double",
        ParameterKind.Array => "double[]",
        ParameterKind.ReadOnlySpan => "ReadOnlySpan<double>",
        ParameterKind.Int => "int",
        ParameterKind.Tensor => "Tensor",
        _ => "Span<double>",
    };

    private static string Declaration(Parameter p) => (p.NoGradient ? "[NoGradient] " : "") + TypeOf(p.Kind) + " " + p.Name;

    private void Block(IReadOnlyList<Stmt> body)
    {
        Open();
        foreach (var statement in body)
        {
            Statement(statement);
        }
        Close();
    }

    private void Statement(Stmt statement)
    {
        switch (statement)
        {
            case Declare d:
                Line($"{Real} {d.Name} = {Top(d.Value)};");
                break;
            case Assign a:
                Line($"{a.Name} {a.Op} {Top(a.Value)};");
                break;
            case DeclareRef d:
                Line($"ref {(d.ReadOnly ? "readonly " : "")}{Real} {d.Name} = ref {d.Target};");
                break;
            case DeclareTensor d:
                Line(_twin ? $"Dual[] {d.Name} = new Dual[{d.Length}];" : $"Tensor {d.Name} = Tensor.Zeros({d.Length});");
                break;
            case DeclareUnassigned d:
                Line($"{Real} {d.Name};");
                break;
            case Increment i:
                Line(i.Name + (i.Up ? "++;" : "--;"));
                break;
            case AssignElement e:
                Line($"{e.Array}[{e.Index}] {e.Op} {Top(e.Value)};");
                break;
            case DeclareArray d:
                Line($"{Real}[] {d.Name} = new {Real}[{d.Length}];");
                break;
            case SwapArrays w:
                Line($"({w.First}, {w.Second}) = ({w.Second}, {w.First});");
                break;
            case IntCode c:
                Line(c.Text);
                break;
            case If i:
                IfStatement(i, "if");
                break;
            case For f:
                Line($"for ({f.Init}; {Decision(f.Condition)}; {f.Step})");
                Block(f.Body);
                break;
            case While w when w.Do:
                Line("do");
                Open();
                foreach (var s in w.Body)
                {
                    Statement(s);
                }
                _indent--;
                Line($"}} while ({Decision(w.Condition)});");
                break;
            case While w:
                Line($"while ({Decision(w.Condition)})");
                Block(w.Body);
                break;
            case ForEach f:
                Line($"foreach ({Real} {f.Variable} in {f.Array})");
                Block(f.Body);
                break;
            case Break:
                Line("break;");
                break;
            case Continue:
                Line("continue;");
                break;
            case Return r:
                Line(r.Array is not null ? $"return {r.Array};" : r.Value is null ? "return;" : $"return {Top(r.Value)};");
                break;
            default:
                throw new ArgumentException($"Unknown statement {statement}");
        }
    }

    private void IfStatement(If statement, string keyword)
    {
        Line($"{keyword} ({Decision(statement.Condition)})");
        Branch(statement.Then);
        if (statement.Else is null)
        {
            return;
        }
        if (statement.Else.Count == 1 && statement.Else[0] is If inner)
        {
            IfStatement(inner, "else if");
            return;
        }
        Line("else");
        Branch(statement.Else);
    }

    /// <summary>A branch body: a lone jump is printed without braces (both styles are in the subset).</summary>
    private void Branch(IReadOnlyList<Stmt> body)
    {
        if (body.Count == 1 && body[0] is Break or Continue or Return)
        {
            _indent++;
            Statement(body[0]);
            _indent--;
            return;
        }
        Block(body);
    }

    /// <summary>A condition that decides control flow; traced when it compares doubles.</summary>
    private string Decision(Cond condition)
    {
        var text = Condition(condition);
        return _twin && ComparesDoubles(condition) ? $"__Trace.B(__t, {text})" : text;
    }

    private static bool ComparesDoubles(Cond condition) => condition switch
    {
        Compare => true,
        And a => ComparesDoubles(a.Left) || ComparesDoubles(a.Right),
        Or o => ComparesDoubles(o.Left) || ComparesDoubles(o.Right),
        Not n => ComparesDoubles(n.Operand),
        _ => false,
    };

    private string Condition(Cond condition) => condition switch
    {
        Compare c => $"{Side(c.Left)} {c.Op} {Side(c.Right)}",
        IntCond i => i.Text,
        And a => $"({Condition(a.Left)}) && ({Condition(a.Right)})",
        Or o => $"({Condition(o.Left)}) || ({Condition(o.Right)})",
        Not n => $"!({Condition(n.Operand)})",
        _ => throw new ArgumentException($"Unknown condition {condition}"),
    };

    /// <summary>A side of a comparison: arithmetic binds tighter than comparisons, ?: and assignments do not.</summary>
    private string Side(Expr e) => e is Ternary or AssignValue ? Operand(e) : Top(e);

    /// <summary>An expression at the top of a statement (no outer parentheses).</summary>
    private string Top(Expr e) => e switch
    {
        Binary b => $"{Operand(b.Left)} {b.Op} {Operand(b.Right)}",
        Negate n => $"-{Operand(n.Operand)}",
        Ternary t => $"{Decision(t.Condition)} ? {Top(t.WhenTrue)} : {Top(t.WhenFalse)}",
        AssignValue a => $"{a.Target} {a.Op} {Top(a.Value)}",
        IncrementValue i => IncrementText(i),
        _ => Atom(e),
    };

    private string Operand(Expr e) => e switch
    {
        Binary or Ternary => "(" + Top(e) + ")",
        Negate n => "(-" + Operand(n.Operand) + ")",
        Num { Value: < 0 } => "(" + Atom(e) + ")",
        _ => Atom(e),
    };

    private string Atom(Expr e) => e switch
    {
        Num n => Literal(n.Value),
        Var v => v.Name,
        Element el => $"{el.Array}[{el.Index}]",
        Call c => CallText(c),
        Invoke i => $"{i.Method}({string.Join(", ", i.Arguments.Select(Top).Concat(_twin ? new[] { "__t" } : Array.Empty<string>()))})",
        ArrayArgument a => a.Name,
        IntValue i => i.Text,
        IncrementValue i => "(" + IncrementText(i) + ")",
        _ => "(" + Top(e) + ")",
    };

    private static string IncrementText(IncrementValue i)
    {
        var op = i.Up ? "++" : "--";
        return i.Prefix ? op + i.Target : i.Target + op;
    }

    private string CallText(Call call)
    {
        var function = Functions.Get(call.Function);
        var template = !_twin ? function.Template : function.TracedTemplate ?? function.Template.Replace("Math.", "DualMath.");
        var arguments = call.Arguments.Select(Operand).ToArray();
        return string.Format(CultureInfo.InvariantCulture, template, arguments);
    }

    public static string Literal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private void Open()
    {
        Line("{");
        _indent++;
    }

    private void Close()
    {
        _indent--;
        Line("}");
    }

    private void Line(string text)
    {
        if (text.Length > 0)
        {
            _text.Append(' ', 4 * _indent);
        }
        _text.Append(text).Append('\n');
    }
}
