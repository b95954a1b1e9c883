using Dllm.Kernels;

namespace Dllm.Gpu;

/// <summary>A weight matrix copied to a device, as <see cref="ResidentWeightCache{TMatrix}"/> keeps it.</summary>
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
