// Walks through the article "pytorch的backward" (why y.backward() needs a seed) in order, with
// the backward methods the generator wrote for Walkthrough.cs at compile time. Every result is
// printed the way PyTorch prints it, so the output can be read next to the article.
using System;
using System.Reflection;
using SeedWalkthrough;
using SourceGen.Autodiff;

Console.WriteLine("PyTorch's y.backward(seed), done by methods generated at compile time.");

// ---------------------------------------------------------------------------------------------
Section("1) x = ones(2, 2), y = x.sum(): a scalar result needs no seed");
var x = Tensor.Ones(2, 2);
Show("x = Tensor.Ones(2, 2)", x);
Show("y = Walkthrough.SumAll(x)", Tensor.Scalar(Walkthrough.SumAll(x)));
Tensor xGrad = Walkthrough.SumAllGradient(x);
Show("x.grad = Walkthrough.SumAllGradient(x): each x[i, j] is added once, so every gradient is 1", xGrad);

// ---------------------------------------------------------------------------------------------
Section("2) y = x + 1: a 2x2 result needs a seed of the same shape");
Explain("Calling AddOneGradient(x) (y.backward() without a seed) does not compile; the compiler says:");
Console.WriteLine("  " + ImplicitSeedError(typeof(Walkthrough), "AddOneGradient"));

xGrad = Tensor.ZerosLike(x);
Show("x.grad = Tensor.ZerosLike(x), like x.grad.data.zero_()", xGrad);
var y = Walkthrough.AddOne(x);
Walkthrough.AddOneBackward(x, y, xGrad);
Show("AddOneBackward(x, seed: y, xGrad), like y.backward(y): the seed multiplies dy/dx = 1, and y is all twos", xGrad);
xGrad.Clear();
Walkthrough.AddOneBackward(x, Seed.Ones(2, 2), xGrad);
Show("xGrad.Clear(); AddOneBackward(x, seed: Seed.Ones(2, 2), xGrad): a seed of ones gives dy/dx itself", xGrad);

// ---------------------------------------------------------------------------------------------
Section("3) x = [[2, 4]], y = [x0^2 + 2 x1, 2 x0 + 3 x1^2]: each y depends on every x");
x = Tensor.From(new double[,] { { 2, 4 } });
xGrad = Tensor.ZerosLike(x);
Walkthrough.TwoByTwoBackward(x, Seed.Ones(1, 2), xGrad);
Show("TwoByTwoBackward(x, seed: Seed.Ones(1, 2), xGrad): [2 x0 + 2, 2 + 6 x1] = [2*2 + 2, 2 + 6*4]", xGrad);

// ---------------------------------------------------------------------------------------------
Section("4) x = [[2, 4, 5]], y = [x0^2 + 2 x1 + 4 x2, 2 x0 + 3 x1^2 + x2^2]: 3 inputs, 2 outputs");
x = Tensor.From(new double[,] { { 2, 4, 5 } });
Show("y = Walkthrough.F(x)", Walkthrough.F(x));
xGrad = Tensor.ZerosLike(x);
Walkthrough.FBackward(x, Seed.Ones(1, 2), xGrad);
Show("FBackward(x, seed: [[1, 1]], xGrad): the sum of both outputs' gradients", xGrad);
xGrad.Clear();
Walkthrough.FBackward(x, Tensor.From(new double[,] { { 2, 2 } }), xGrad);
Show("xGrad.Clear(); FBackward(x, seed: [[2, 2]], xGrad): the seed scales the gradient, so twice the above", xGrad);

// ---------------------------------------------------------------------------------------------
Section("5) The Jacobian: one unit seed per output, over ONE forward pass");
var pullback = Walkthrough.FPullback(x); // the forward pass runs here, once (retain_graph=True, free)
var j = Tensor.Zeros(3, 2);
xGrad = Tensor.ZerosLike(x);
for (int output = 0; output < 2; output++)
{
    xGrad.Clear(); // x.grad.data.zero_()
    pullback.Backward(Seed.Unit([1, 2], 0, output), xGrad); // seed [[1, 0]], then [[0, 1]]
    for (int input = 0; input < 3; input++)
    {
        j[input, output] = xGrad[0, input]; // j[:, output] = x.grad.data
    }
}
Show("j, column k filled by pullback.Backward(Seed.Unit([1, 2], 0, k), xGrad): j[i, k] = dy_k/dx_i, as in the article", j);
Show("Walkthrough.FJacobian(x): J[k, i] = dy_k/dx_i, rows by output, so the transpose of j", Tensor.From(Walkthrough.FJacobian(x)));

// ---------------------------------------------------------------------------------------------
Section("6) Gradients accumulate, like PyTorch's .grad: clear the buffer to start over");
xGrad.Clear();
Walkthrough.FBackward(x, Seed.Ones(1, 2), xGrad);
Walkthrough.FBackward(x, Seed.Ones(1, 2), xGrad);
Show("FBackward(x, seed: ones, xGrad) twice without clearing: twice [[6., 26., 14.]]", xGrad);

static void Section(string title)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine(new string('-', title.Length));
}

static void Explain(string line) => Console.WriteLine("# " + line);

static void Show(string explanation, Tensor value)
{
    Explain(explanation);
    Console.WriteLine(value);
}

// The sample must compile, so it cannot call the obsolete-as-error method; it reads the
// [Obsolete] attribute the generator put on it instead, which is what the compiler reports.
static string ImplicitSeedError(Type type, string methodName)
{
    var obsolete = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<ObsoleteAttribute>();
    return obsolete is null
        ? $"(no [Obsolete] found on {type.Name}.{methodName}: the generator did not emit it)"
        : $"error {obsolete.DiagnosticId}: {obsolete.Message}";
}
