using Dllm.Gpu.Cuda.Driver;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda;

/// <summary>A weight matrix copied to the device in its own storage type (f32 stays f32, bf16 stays bf16).</summary>
public sealed unsafe class CudaMatrix : IResidentMatrix
{
    private readonly CudaBuffer<byte> _buffer;

    public CudaMatrix(CudaContext context, WeightMatrix matrix, ulong fingerprint)
    {
        Type = matrix.Type;
        Rows = matrix.Rows;
        Cols = matrix.Cols;
        Fingerprint = fingerprint;
        _buffer = new CudaBuffer<byte>(context);
        CudaContext.CopyToDevice((void*)matrix.Data, Bytes, _buffer.View(Bytes).Pointer);
    }

    public WeightType Type { get; }
    public int Rows { get; }
    public int Cols { get; }
    public ulong Fingerprint { get; }
    public long Bytes => (long)Rows * Cols * (Type == WeightType.F32 ? sizeof(float) : sizeof(ushort));

    /// <summary>The kernels' weight parameter (F32DeviceWeights or Bf16DeviceWeights: one view of Rows · Cols elements).</summary>
    public DeviceView<byte> Weights => new(_buffer.View(Bytes).Pointer, (long)Rows * Cols);

    /// <summary>"f32" or "bf16": the suffix of the kernels specialized for this storage type.</summary>
    public string KernelSuffix => Type == WeightType.F32 ? "f32" : "bf16";

    public void Dispose() => _buffer.Dispose();
}
