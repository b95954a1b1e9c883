using System.Numerics.Tensors;

namespace Dllm.Training.Ops;

public sealed partial class BackwardOps
{
    /// <summary>
    /// Backward of y = SiLU(gate) ⊙ up, elementwise: with s = sigmoid(gate),
    /// dgate += dy · up · s·(1 + gate·(1 − s)) and dup += dy · gate·s.
    /// </summary>
    public static void SwiGluBackward(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, ReadOnlySpan<float> dy, Span<float> dGate, Span<float> dUp)
    {
        if (up.Length != gate.Length || dy.Length != gate.Length || dGate.Length != gate.Length || dUp.Length != gate.Length)
        {
            throw new ArgumentException("SwiGluBackward buffers differ in length.");
        }
        const int Chunk = 4096;
        Span<float> sigmoid = stackalloc float[Chunk];
        Span<float> term = stackalloc float[Chunk];
        for (int start = 0; start < gate.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, gate.Length - start);
            ReadOnlySpan<float> g = gate.Slice(start, n);
            ReadOnlySpan<float> d = dy.Slice(start, n);
            Span<float> s = sigmoid[..n];
            Span<float> t = term[..n];
            TensorPrimitives.Sigmoid(g, s);
            // dup += dy · g·s
            TensorPrimitives.Multiply(g, s, t);
            TensorPrimitives.MultiplyAdd(d, t, dUp.Slice(start, n), dUp.Slice(start, n));
            // dgate += dy · up · s · (1 + g − g·s)
            TensorPrimitives.Subtract(g, t, t);
            TensorPrimitives.Add(t, 1f, t);
            TensorPrimitives.Multiply(t, s, t);
            TensorPrimitives.Multiply(t, up.Slice(start, n), t);
            TensorPrimitives.MultiplyAdd(d, t, dGate.Slice(start, n), dGate.Slice(start, n));
        }
    }
}
