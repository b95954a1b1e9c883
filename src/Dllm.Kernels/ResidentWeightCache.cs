namespace Dllm.Kernels;

/// <summary>
/// Copies of the borrowed weight matrices (on a device, or repacked for a kernel), made on first use and
/// kept for the owner's life. Keyed by address, dtype and shape, and checked against a
/// <see cref="WeightFingerprint"/> on every use: a matrix whose memory now holds other values is copied
/// again. Only for weights that stay unchanged while in use (checkpoint tensors); a matrix rewritten in
/// place between calls (training) would be caught only where the fingerprint samples it.
/// </summary>
/// <param name="upload">Copies a matrix, given its fingerprint.</param>
/// <param name="wholeHashBytes">Matrices up to this size are fingerprinted whole (see <see cref="WeightFingerprint.Of"/>).</param>
/// <param name="sampledWords">Words sampled from larger ones.</param>
public sealed class ResidentWeightCache<TMatrix>(
    Func<WeightMatrix, ulong, TMatrix> upload,
    long wholeHashBytes = WeightFingerprint.WholeHashBytes,
    long sampledWords = WeightFingerprint.SampledWords) : IDisposable
    where TMatrix : class, IResidentMatrix
{
    private readonly Dictionary<(nint Data, WeightType Type, int Rows, int Cols), TMatrix> _matrices = [];

    /// <summary>Bytes of the copies held.</summary>
    public long ResidentBytes { get; private set; }

    public TMatrix Get(WeightMatrix matrix)
    {
        var key = (matrix.Data, matrix.Type, matrix.Rows, matrix.Cols);
        ulong fingerprint = WeightFingerprint.Of(matrix, wholeHashBytes, sampledWords);
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

    /// <summary>Drops every copy (for example before loading another model on the same backend).</summary>
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
