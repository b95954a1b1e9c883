using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu;

/// <summary>A weight matrix uploaded to the device in its own storage type: f32 stays f32, bf16 stays bf16.</summary>
internal sealed unsafe class DeviceMatrix : IResidentMatrix
{
    private readonly MemoryBuffer1D<float, Stride1D.Dense>? _f32;  // [Rows · Cols]
    private readonly MemoryBuffer1D<ushort, Stride1D.Dense>? _bf16; // [Rows · Cols]

    public DeviceMatrix(Accelerator accelerator, WeightMatrix matrix, ulong fingerprint)
    {
        Type = matrix.Type;
        Rows = matrix.Rows;
        Cols = matrix.Cols;
        Fingerprint = fingerprint;
        long count = Math.Max((long)Rows * Cols, 1);
        if (Type == WeightType.F32)
        {
            _f32 = accelerator.Allocate1D<float>(count);
            _f32.View.AsContiguous().CopyFromCPU(ref *(float*)matrix.Data, (long)Rows * Cols);
        }
        else
        {
            _bf16 = accelerator.Allocate1D<ushort>(count);
            _bf16.View.AsContiguous().CopyFromCPU(ref *(ushort*)matrix.Data, (long)Rows * Cols);
        }
    }

    public WeightType Type { get; }
    public int Rows { get; }
    public int Cols { get; }
    public ulong Fingerprint { get; }
    public long Bytes => (long)Rows * Cols * (Type == WeightType.F32 ? sizeof(float) : sizeof(ushort));

    public F32DeviceWeights F32 => new(_f32!.View.AsContiguous());
    public Bf16DeviceWeights Bf16 => new(_bf16!.View.AsContiguous());

    public void Dispose()
    {
        _f32?.Dispose();
        _bf16?.Dispose();
    }
}
