namespace Dllm.Kernels;

/// <summary>A copy of a weight matrix a backend keeps (on a device, or repacked for a CPU kernel), as <see cref="ResidentWeightCache{TMatrix}"/> holds it.</summary>
public interface IResidentMatrix : IDisposable
{
    /// <summary>Rows of the row-major matrix (the outputs of a projection, the vocabulary of a table).</summary>
    int Rows { get; }

    /// <summary>The length of each row.</summary>
    int Cols { get; }

    /// <summary>The <see cref="WeightFingerprint"/> of the host contents it was copied from.</summary>
    ulong Fingerprint { get; }

    long Bytes { get; }
}
