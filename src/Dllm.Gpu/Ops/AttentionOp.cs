using System.Runtime.InteropServices;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>
/// Attention over packed sequences; see <see cref="AttentionKernels"/>. The host lists the work rows (rows
/// that belong to a sequence) with their sequence and mask row, and flattens the masks to bytes; only the
/// sequences' output rows are written back. Scores take work rows · heads · longest sequence floats on the device.
/// </summary>
internal sealed class AttentionOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<byte>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _scores =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<byte>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(AttentionKernels.Scores);
    private readonly Action<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>> _softmax =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>>(AttentionKernels.Softmax);
    private readonly Action<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _weightedValues =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, AttentionLayout, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(AttentionKernels.WeightedValues);
    private readonly DeviceBuffer<float> _q = new(accelerator);
    private readonly DeviceBuffer<float> _k = new(accelerator);
    private readonly DeviceBuffer<float> _v = new(accelerator);
    private readonly DeviceBuffer<float> _output = new(accelerator);
    private readonly DeviceBuffer<int> _rows = new(accelerator);
    private readonly DeviceBuffer<byte> _masks = new(accelerator);
    private readonly DeviceBuffer<float> _scoreBuffer = new(accelerator);
    private readonly DeviceBuffer<float> _sums = new(accelerator);
    private readonly List<int> _hostRows = [];
    private readonly List<byte> _hostMasks = [];

    public void Run(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences)
    {
        if (shape.NumHeads <= 0 || shape.NumKvHeads <= 0 || shape.HeadDim <= 0 || shape.NumHeads % shape.NumKvHeads != 0)
        {
            throw new ArgumentException($"Attention shape {shape} is invalid: heads must be positive and a multiple of KV heads.", nameof(shape));
        }
        int longest = DescribeWorkRows(q.Length, k.Length, v.Length, output.Length, shape, sequences);
        int workRows = _hostRows.Count / AttentionKernels.RowFields;
        if (workRows == 0)
        {
            return;
        }
        var layout = new AttentionLayout(shape.NumHeads, shape.NumHeads / shape.NumKvHeads, shape.HeadDim, longest, 1f / MathF.Sqrt(shape.HeadDim));
        ArrayView<int> rows = _rows.Upload(CollectionsMarshal.AsSpan(_hostRows));
        ArrayView<byte> masks = _masks.Upload(CollectionsMarshal.AsSpan(_hostMasks));
        var tasks = WorkRange.For((long)workRows * shape.NumHeads, accelerator.MaxNumThreads, "Attention heads");
        var scoreRange = WorkRange.For((long)tasks.Count * longest, accelerator.MaxNumThreads, "Attention scores");
        var outputRange = WorkRange.For((long)tasks.Count * shape.HeadDim, accelerator.MaxNumThreads, "Attention outputs");
        ArrayView<float> scores = _scoreBuffer.View(scoreRange.Count);
        ArrayView<float> sums = _sums.View(tasks.Count);
        ArrayView<float> result = _output.View(output.Length);
        _scores(scoreRange.Threads, scoreRange, layout, rows, masks, _q.Upload(q), _k.Upload(k), scores);
        _softmax(tasks.Threads, tasks, layout, rows, scores, sums);
        _weightedValues(outputRange.Threads, outputRange, layout, rows, scores, sums, _v.Upload(v), result);
        accelerator.Synchronize();
        foreach (SequenceSlice sequence in sequences)
        {
            int start = sequence.Start * shape.QueryWidth;
            int length = sequence.Length * shape.QueryWidth;
            Download.Into(accelerator, result.SubView(start, length), output.Slice(start, length));
        }
    }

    /// <summary>Validates the sequences, fills the work-row table and the flattened masks, and returns the longest length.</summary>
    private int DescribeWorkRows(int qLength, int kLength, int vLength, int outputLength, AttentionShape shape, ReadOnlySpan<SequenceSlice> sequences)
    {
        _hostRows.Clear();
        _hostMasks.Clear();
        int longest = 0;
        foreach (SequenceSlice sequence in sequences)
        {
            long end = (long)sequence.Start + sequence.Length;
            if (sequence.Start < 0 || sequence.Length < 0
                || end * shape.QueryWidth > qLength || end * shape.QueryWidth > outputLength
                || end * shape.KvWidth > kLength || end * shape.KvWidth > vLength)
            {
                throw new ArgumentException($"Sequence {sequence} reaches beyond q, k, v or output for shape {shape}.", nameof(sequences));
            }
            if (sequence.Mask is { } mask && mask.Length != sequence.Length)
            {
                throw new ArgumentException($"Sequence of length {sequence.Length} has a mask for length {mask.Length}.", nameof(sequences));
            }
            longest = Math.Max(longest, sequence.Length);
            for (int query = 0; query < sequence.Length; query++)
            {
                int maskOffset = -1;
                if (sequence.Mask is { } queryMask)
                {
                    maskOffset = _hostMasks.Count;
                    _hostMasks.AddRange(MemoryMarshal.AsBytes(queryMask.Row(query)));
                }
                _hostRows.AddRange([sequence.Start + query, sequence.Start, sequence.Length, maskOffset]);
            }
        }
        return longest;
    }

    public void Dispose()
    {
        _q.Dispose();
        _k.Dispose();
        _v.Dispose();
        _output.Dispose();
        _rows.Dispose();
        _masks.Dispose();
        _scoreBuffer.Dispose();
        _sums.Dispose();
    }
}
