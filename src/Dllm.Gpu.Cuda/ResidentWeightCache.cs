using Dllm.Kernels;

namespace Dllm.Gpu;

/// <summary>
/// Device copies of the borrowed weight matrices, uploaded on first use and kept for the backend's
/// life. Keyed by address, dtype and shape, and checked against a <see cref="WeightFingerprint"/> on
/// every use: a matrix whose memory now holds other values is uploaded again.
/// </summary>
/// <param name="upload">Copies a matrix to the device, given its fingerprint.</param>
public sealed class ResidentWeightCache<TMatrix>(Func<WeightMatrix, ulong, TMatrix> upload) : IDisposable
    where TMatrix : class, IResidentMatrix
{
    private readonly Dictionary<(nint Data, WeightType Type, int Rows, int Cols), TMatrix> _matrices = [];

    /// <summary>Bytes of weights resident on the device.</summary>
    public long ResidentBytes { get; private set; }

    public TMatrix Get(WeightMatrix matrix)
    {
        var key = (matrix.Data, matrix.Type, matrix.Rows, matrix.Cols);
        ulong fingerprint = WeightFingerprint.Of(matrix);
        if (_matrices.TryGetValue(key, out TMatrix? cached))
        {
            if (cached.Fingerprint == fingerprint)
            {
                return cached;
            }
            Remove(key, cached);
        }
        TMatrix uploaded = upload(matrix, fingerprint);
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

    private void Remove((nint, WeightType, int, int) key, TMatrix matrix)
    {
        _matrices.Remove(key);
        ResidentBytes -= matrix.Bytes;
        matrix.Dispose();
    }
}
