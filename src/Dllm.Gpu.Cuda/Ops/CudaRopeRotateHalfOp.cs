using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>Rotate-half RoPE (kernel rope_rotate_half): the rows' cos and sin are gathered on the host, then rotated on the device.</summary>
internal sealed class CudaRopeRotateHalfOp(CudaContext context, CudaKernels kernels) : IDisposable
{
    private readonly CudaBuffer<float> _x = new(context);
    private readonly CudaBuffer<float> _cos = new(context);
    private readonly CudaBuffer<float> _sin = new(context);
    private readonly RopeRowTables _tables = new();

    public void Run(Span<float> x, ReadOnlySpan<int> positions, RopeTable table)
    {
        if (positions.IsEmpty)
        {
            return;
        }
        _tables.Gather(x.Length, positions, table);
        WorkRange range = WorkRange.For(_tables.Pairs, context.MaxThreads, "RoPE pairs");
        DeviceView<float> device = _x.Upload(x);
        if (range.Count > 0)
        {
            kernels["rope_rotate_half"].Start(range)
                .Add(device).Add(_cos.Upload(_tables.Cos)).Add(_sin.Upload(_tables.Sin)).Add(_tables.Width).Add(table.HeadDim).Launch();
        }
        device.CopyTo(x);
    }

    public void Dispose()
    {
        _x.Dispose();
        _cos.Dispose();
        _sin.Dispose();
    }
}
