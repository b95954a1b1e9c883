using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>Rotate-half RoPE: the rows' cos and sin are gathered from the table on the host (rows · d floats), then rotated on the device.</summary>
internal sealed class RopeRotateHalfOp(Accelerator accelerator) : IDisposable
{
    private readonly Action<Index1D, WorkRange, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> _rotate =
        accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(RopeRotateHalfKernel.Rotate);
    private readonly DeviceBuffer<float> _x = new(accelerator);
    private readonly DeviceBuffer<float> _cos = new(accelerator);
    private readonly DeviceBuffer<float> _sin = new(accelerator);
    private readonly RopeRowTables _tables = new();

    public void Run(Span<float> x, ReadOnlySpan<int> positions, RopeTable table)
    {
        if (positions.IsEmpty)
        {
            return;
        }
        _tables.Gather(x.Length, positions, table);
        var range = WorkRange.For(_tables.Pairs, accelerator.MaxNumThreads, "RoPE pairs");
        ArrayView<float> device = _x.Upload(x);
        if (range.Count > 0)
        {
            _rotate(range.Threads, range, device, _cos.Upload(_tables.Cos), _sin.Upload(_tables.Sin), _tables.Width, table.HeadDim);
        }
        Download.Into(accelerator, device, x);
    }

    public void Dispose()
    {
        _x.Dispose();
        _cos.Dispose();
        _sin.Dispose();
    }
}
