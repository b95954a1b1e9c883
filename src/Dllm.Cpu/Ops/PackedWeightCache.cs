using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>
/// The packed copies of the model weights an owner multiplies by, made on first use and kept until it is
/// disposed. Keyed by address, dtype and shape, and checked against a sampled <see cref="WeightFingerprint"/>
/// on every use, so memory freed and reused for other weights is packed again rather than read stale.
/// Only for weights that stay unchanged while they are in use (checkpoint tensors); a matrix rewritten
/// between calls (training) must go through the in-place matmul instead.
/// </summary>
internal sealed class PackedWeightCache(WorkerPool pool, int width) : IDisposable
{
    /// <summary>Whole-hash limit and samples of the per-call check: a few hundred loads per matrix, nothing next to the multiply.</summary>
    private const long WholeHashBytes = 64 * 1024;
    private const long SampledWords = 256;

    private readonly Dictionary<(nint Data, WeightType Type, int Rows, int Cols), PackedWeight> _packed = [];

    /// <summary>Bytes of packed weights held.</summary>
    public long Bytes { get; private set; }

    public PackedWeight Get(WeightMatrix matrix)
    {
        var key = (matrix.Data, matrix.Type, matrix.Rows, matrix.Cols);
        ulong fingerprint = WeightFingerprint.Of(matrix, WholeHashBytes, SampledWords);
        if (_packed.TryGetValue(key, out PackedWeight? cached))
        {
            if (cached.Fingerprint == fingerprint)
            {
                return cached;
            }
            Remove(key, cached);
        }
        PackedWeight packed = PackedWeight.Pack(matrix, width, fingerprint, pool);
        _packed[key] = packed;
        Bytes += packed.Bytes;
        return packed;
    }

    public void Dispose()
    {
        foreach (var (key, packed) in _packed.ToArray())
        {
            Remove(key, packed);
        }
    }

    private void Remove((nint, WeightType, int, int) key, PackedWeight packed)
    {
        _packed.Remove(key);
        Bytes -= packed.Bytes;
        packed.Dispose();
    }
}
