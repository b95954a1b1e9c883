using System.Runtime.InteropServices;
using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// The host side of the attention kernels: validates the sequences and lists the work rows (rows that
/// belong to a sequence), each as <see cref="Fields"/> ints (packed row, sequence start, sequence length,
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
        if (shape.NumHeads <= 0 || shape.NumKvHeads <= 0 || shape.HeadDim <= 0 || shape.NumHeads % shape.NumKvHeads != 0)
        {
            throw new ArgumentException($"Attention shape {shape} is invalid: heads must be positive and a multiple of KV heads.", nameof(shape));
        }
        _rows.Clear();
        _masks.Clear();
        Longest = 0;
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
