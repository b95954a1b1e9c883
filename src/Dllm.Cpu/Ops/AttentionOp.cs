using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>Attention over packed sequences, in parallel over (sequence, head); see <see cref="AttentionJob{TVec, TLayout}"/>.</summary>
internal sealed unsafe class AttentionOp<TVec>(WorkerPool pool) : IDisposable where TVec : struct, IFloatVector<TVec>
{
    private readonly ScratchBuffer _scratch = new();
    private SequenceSlice[] _sequences = [];

    /// <summary>The op of <see cref="IBackend.Attention"/>: q and k already rotated, output [rows, H·d].</summary>
    public void Run(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences)
    {
        foreach (SequenceSlice sequence in sequences)
        {
            if (((long)sequence.Start + sequence.Length) * shape.QueryWidth > output.Length)
            {
                throw new ArgumentException($"Sequence {sequence} reaches beyond the output for shape {shape}.", nameof(sequences));
            }
        }
        fixed (float* outputPointer = output)
        {
            Run(q, k, v, new RowMajorAttentionLayout<TVec>(outputPointer, shape.QueryWidth), shape, sequences);
        }
    }

    /// <summary>Attention reading and writing through <paramref name="layout"/>, which must cover every row of <paramref name="sequences"/>.</summary>
    public void Run<TLayout>(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        TLayout layout,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences)
        where TLayout : struct, IAttentionLayout
    {
        if (shape.NumHeads <= 0 || shape.NumKvHeads <= 0 || shape.HeadDim <= 0 || shape.NumHeads % shape.NumKvHeads != 0)
        {
            throw new ArgumentException($"Attention shape {shape} is invalid: heads must be positive and a multiple of KV heads.", nameof(shape));
        }
        int longest = 0;
        foreach (SequenceSlice sequence in sequences)
        {
            long end = (long)sequence.Start + sequence.Length;
            if (sequence.Start < 0 || sequence.Length < 0
                || end * shape.QueryWidth > q.Length
                || end * shape.KvWidth > k.Length || end * shape.KvWidth > v.Length)
            {
                throw new ArgumentException($"Sequence {sequence} reaches beyond q, k or v for shape {shape}.", nameof(sequences));
            }
            if (sequence.Mask is { } mask && mask.Length != sequence.Length)
            {
                throw new ArgumentException($"Sequence of length {sequence.Length} has a mask for length {mask.Length}.", nameof(sequences));
            }
            longest = Math.Max(longest, sequence.Length);
        }
        if (_sequences.Length < sequences.Length)
        {
            _sequences = new SequenceSlice[sequences.Length];
        }
        sequences.CopyTo(_sequences);
        _scratch.EnsureCapacity(pool.ThreadCount, AttentionJob<TVec, TLayout>.ScratchFloats(longest, shape.HeadDim));
        try
        {
            fixed (float* qPointer = q, kPointer = k, vPointer = v)
            {
                var job = new AttentionJob<TVec, TLayout>(qPointer, kPointer, vPointer, layout, shape, _sequences, _scratch);
                pool.Run(sequences.Length * shape.NumHeads, job);
            }
        }
        finally
        {
            Array.Clear(_sequences); // drop mask references until the next call
        }
    }

    public void Dispose() => _scratch.Dispose();
}
