namespace Dllm.Gpu;

/// <summary>A weight matrix copied to a device, as <see cref="ResidentWeightCache{TMatrix}"/> keeps it.</summary>
public interface IResidentMatrix : IDisposable
{
    /// <summary>The <see cref="WeightFingerprint"/> of the host contents it was copied from.</summary>
    ulong Fingerprint { get; }

    long Bytes { get; }
}
