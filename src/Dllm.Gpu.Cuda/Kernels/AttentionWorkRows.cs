using System.Runtime.InteropServices;
using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// The host side of the attention kernels: checks the sequences (<see cref="OpShapeChecks.Attention"/>) and
/// lists the work rows (rows that belong to a sequence), each as <see cref="Fields"/> ints (packed row, sequence start, sequence length,
/// offset of its mask row or −1), with the masks flattened to bytes. Reused across calls.
/// </summary>
public sealed class AttentionWorkRows
{
    public const int Fields = 4;

    private readonly List<int> _rows = [];
    private readonly List<byte> _masks = [];

    public ReadOnlySpan<int> Rows => CollectionsMarshal.AsSpan(_rows);
    public ReadOnlySpan<byte> Masks => CollectionsMarshal.AsSpan(_masks);
    public int Count => _rows.Count / Fields;

    /// <summary>The longest sequence's length.</summary>
    public int Longest { get; private set; }

    /// <summary>The launch layout for <paramref name="shape"/> over these rows.</summary>
    public AttentionLayout Layout(AttentionShape shape) =>
        new(shape.NumHeads, shape.NumHeads / shape.NumKvHeads, shape.HeadDim, Longest, 1f / MathF.Sqrt(shape.HeadDim));

    /// <summary>Checks the shape and sequences against the operand lengths and fills the table.</summary>
    public void Describe(int qLength, int kLength, int vLength, int outputLength, AttentionShape shape, ReadOnlySpan<SequenceSlice> sequences)
    {
        OpShapeChecks.Attention(qLength, kLength, vLength, outputLength, shape, sequences);
        _rows.Clear();
        _masks.Clear();
        Longest = 0;
        foreach (SequenceSlice sequence in sequences)
        {
            Longest = Math.Max(Longest, sequence.Length);
            for (int query = 0; query < sequence.Length; query++)
            {
                int maskOffset = -1;
                if (sequence.Mask is { } queryMask)
                {
                    maskOffset = _masks.Count;
                    _masks.AddRange(MemoryMarshal.AsBytes(queryMask.Row(query)));
                }
                _rows.AddRange([sequence.Start + query, sequence.Start, sequence.Length, maskOffset]);
            }
        }
    }
}
