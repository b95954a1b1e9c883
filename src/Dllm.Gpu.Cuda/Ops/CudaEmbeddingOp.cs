using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>Row gather from a device-resident table (kernels embedding_f32, embedding_bf16); ids are checked on the host first.</summary>
internal sealed class CudaEmbeddingOp(CudaContext context, CudaKernels kernels) : IDisposable
{
    private readonly CudaBuffer<int> _ids = new(context);
    private readonly CudaBuffer<float> _output = new(context);

    public void Run(CudaMatrix table, ReadOnlySpan<int> ids, Span<float> output)
    {
        long total = OpShapeChecks.Embedding(ids, table.Rows, table.Cols, output);
        WorkRange range = WorkRange.For(total, context.MaxThreads, "Embedding outputs");
        DeviceView<float> result = _output.View(total);
        if (range.Count > 0)
        {
            kernels["embedding_" + table.KernelSuffix].Start(range).Add(table.Weights).Add(_ids.Upload(ids)).Add(table.Cols).Add(result).Launch();
        }
        result.CopyTo(output[..range.Count]);
    }

    public void Dispose()
    {
        _ids.Dispose();
        _output.Dispose();
    }
}
