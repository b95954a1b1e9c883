using ILGPU;

namespace Dllm.Gpu.Kernels;

/// <summary>bf16 weights kept as bf16 on the device (half the memory of f32) and widened in the kernel: bf16 is the top half of an f32.</summary>
public readonly struct Bf16DeviceWeights(ArrayView<ushort> bits) : IDeviceWeights
{
    private readonly ArrayView<ushort> _bits = bits; // [rows · cols]

    public float Read(long index) => Interop.IntAsFloat((uint)_bits[index] << 16);
}
