using Dllm.Kernels;
using ILGPU.Runtime;

namespace Dllm.Gpu;

/// <summary>
/// Device copies of the borrowed weight matrices, uploaded on first use and kept for the backend's
/// life. Keyed by address, dtype and shape, and checked against a <see cref="WeightFingerprint"/> on
/// every use: a matrix whose memory now holds other values is uploaded again.
/// </summary>
internal sealed class DeviceWeightCache(Accelerator accelerator) : IDisposable
{
    private readonly Dictionary<(nint Data, WeightType Type, int Rows, int Cols), DeviceMatrix> _matrices = [];

    /// <summary>Bytes of weights resident on the device.</summary>
    public long ResidentBytes { get; private set; }

    public DeviceMatrix Get(WeightMatrix matrix)
    {
        var key = (matrix.Data, matrix.Type, matrix.Rows, matrix.Cols);
        ulong fingerprint = WeightFingerprint.Of(matrix);
        if (_matrices.TryGetValue(key, out DeviceMatrix? cached))
        {
            if (cached.Fingerprint == fingerprint)
            {
                return cached;
            }
            Remove(key, cached);
        }
        var uploaded = new DeviceMatrix(accelerator, matrix, fingerprint);
        _matrices[key] = uploaded;
        ResidentBytes += uploaded.Bytes;
        return uploaded;
    }

    /// <summary>Drops every device copy (for example before loading another model on the same backend).</summary>
    public void Clear()
    {
        foreach (var (key, matrix) in _matrices.ToArray())
        {
            Remove(key, matrix);
        }
    }

    public void Dispose() => Clear();

    private void Remove((nint, WeightType, int, int) key, DeviceMatrix matrix)
    {
        _matrices.Remove(key);
        ResidentBytes -= matrix.Bytes;
        matrix.Dispose();
    }
}
