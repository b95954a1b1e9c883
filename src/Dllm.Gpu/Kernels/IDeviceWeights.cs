namespace Dllm.Gpu.Kernels;

/// <summary>
/// A weight matrix resident on the device, read one element at a time as f32. The kernels are generic
/// over it (a struct type argument, so ILGPU specializes each kernel per storage type and nothing is
/// dispatched at run time): one kernel body serves f32 and bf16 weights.
/// </summary>
public interface IDeviceWeights
{
    /// <summary>Element <paramref name="index"/> of the row-major matrix, widened to f32.</summary>
    float Read(long index);
}
