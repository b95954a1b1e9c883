using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>f32 weights on the device, read as they are.</summary>
public readonly struct F32DeviceWeights(ArrayView<float> values) : IDeviceWeights
{
    private readonly ArrayView<float> _values = values; // [rows · cols]

    public float Read(long index) => _values[index];
}
