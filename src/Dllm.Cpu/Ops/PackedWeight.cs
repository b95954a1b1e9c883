using Dllm.Core.Tensors;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// A weight matrix W [Rows, Cols] repacked once for <see cref="PanelTile"/>: column panels of
/// <see cref="Width"/> output features, each stored k-major, panel p at [Cols, Width] with element
/// (k, j) = W[p·Width + j, k], features past Rows zero. The tile then reads one contiguous run per
/// panel, Width features of one k per load, with no per-call staging; values keep their type (bf16
/// stays bf16 and is widened in registers).
/// </summary>
internal sealed unsafe class PackedWeight : IResidentMatrix
{
    private readonly NativeBuffer<byte> _data;

    private PackedWeight(WeightMatrix source, int width, ulong fingerprint)
    {
        Type = source.Type;
        Rows = source.Rows;
        Cols = source.Cols;
        Width = width;
        Fingerprint = fingerprint;
        ElementSize = source.ElementSize;
        _data = new NativeBuffer<byte>(Math.Max(1, (long)Panels * Cols * Width * ElementSize));
    }

    public WeightType Type { get; }
    public int Rows { get; }
    public int Cols { get; }
    public int ElementSize { get; }

    /// <summary>Output features per panel (two vectors of the path that packed it).</summary>
    public int Width { get; }

    public int Panels => (Rows + Width - 1) / Width;

    /// <summary>The <see cref="WeightFingerprint"/> of the contents it was packed from.</summary>
    public ulong Fingerprint { get; }

    public long Bytes => _data.Length;

    /// <summary>Element (k, 0) of panel <paramref name="panel"/>.</summary>
    public byte* At(int panel, int k) => _data.Pointer + ((long)panel * Cols + k) * Width * ElementSize;

    /// <summary>
    /// A cache of the weights an owner (a fused step, the head op) packs on first use. Its per-call check
    /// fingerprints up to 64 KiB whole and samples 256 words of larger matrices: a few hundred loads per
    /// matrix, nothing next to the multiply.
    /// </summary>
    public static ResidentWeightCache<PackedWeight> Cache(WorkerPool pool, int width) =>
        new((matrix, fingerprint) => Pack(matrix, width, fingerprint, pool), wholeHashBytes: 64 * 1024, sampledWords: 256);

    /// <summary>Packs <paramref name="source"/> into panels of <paramref name="width"/> features, in parallel on <paramref name="pool"/>.</summary>
    public static PackedWeight Pack(WeightMatrix source, int width, ulong fingerprint, WorkerPool pool)
    {
        var packed = new PackedWeight(source, width, fingerprint);
        pool.Run(packed.Panels, new PackJob(source, packed));
        return packed;
    }

    public void Dispose() => _data.Dispose();

    /// <summary>
    /// One task per panel, a depth block at a time: each of the panel's source rows read front to back over
    /// the block, written down its column of the block, which stays in L1 (column by column over the whole
    /// depth, every write touched another cache line and packing ran at a sixth of the speed).
    /// </summary>
    private readonly struct PackJob(WeightMatrix source, PackedWeight packed) : IWorkerJob
    {
        private const int DepthBlock = 256;

        public void Execute(int start, int end, int worker)
        {
            for (int panel = start; panel < end; panel++)
            {
                for (int k0 = 0; k0 < packed.Cols; k0 += DepthBlock)
                {
                    int k1 = Math.Min(k0 + DepthBlock, packed.Cols);
                    if (packed.ElementSize == sizeof(float))
                    {
                        PackBlock<float>(panel, k0, k1);
                    }
                    else
                    {
                        PackBlock<ushort>(panel, k0, k1);
                    }
                }
            }
        }

        private void PackBlock<T>(int panel, int k0, int k1) where T : unmanaged
        {
            int width = packed.Width;
            T* block = (T*)packed.At(panel, k0);
            for (int j = 0; j < width; j++)
            {
                int row = panel * width + j;
                T* from = row < packed.Rows ? (T*)source.RowPointer(row) : null;
                T* to = block + j;
                for (int k = k0; k < k1; k++, to += width)
                {
                    *to = from == null ? default : from[k];
                }
            }
        }
    }
}
