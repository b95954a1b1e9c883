using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>Row gather from a device-resident table; ids are checked on the host first.</summary>
internal sealed class EmbeddingOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, WorkRange, F32DeviceWeights, ArrayView<int>, int, ArrayView<float>> _f32 =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, F32DeviceWeights, ArrayView<int>, int, ArrayView<float>>(EmbeddingKernel.Gather);
    private readonly Action<Index1D, WorkRange, Bf16DeviceWeights, ArrayView<int>, int, ArrayView<float>> _bf16 =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, Bf16DeviceWeights, ArrayView<int>, int, ArrayView<float>>(EmbeddingKernel.Gather);
    private readonly DeviceBuffer<int> _ids = new(accelerator);
    private readonly DeviceBuffer<float> _output = new(accelerator);

    public void Run(DeviceMatrix table, ReadOnlySpan<int> ids, Span<float> output)
    {
        long total = OpShapeChecks.Embedding(ids, table.Rows, table.Cols, output);
        var range = WorkRange.For(total, accelerator.MaxNumThreads, "Embedding outputs");
        ArrayView<float> result = _output.View(total);
        if (range.Count > 0)
        {
            ArrayView<int> deviceIds = _ids.Upload(ids);
            if (table.Type == WeightType.F32)
            {
                _f32(range.Threads, range, table.F32, deviceIds, table.Cols, result);
            }
            else
            {
                _bf16(range.Threads, range, table.Bf16, deviceIds, table.Cols, result);
            }
        }
        Download.Into(accelerator, result, output[..range.Count]);
    }

    public void Dispose()
    {
        _ids.Dispose();
        _output.Dispose();
    }
}
