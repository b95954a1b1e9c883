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
    private float[] _hostCos = [];
    private float[] _hostSin = [];

    public void Run(Span<float> x, ReadOnlySpan<int> positions, RopeTable table)
    {
        int rows = positions.Length;
        if (rows == 0)
        {
            return;
        }
        int half = table.HeadDim / 2;
        int width = x.Length / rows;
        if ((long)width * rows != x.Length || width % table.HeadDim != 0)
        {
            throw new ArgumentException($"RoPE: x has {x.Length} floats for {rows} rows, not a whole number of {table.HeadDim}-wide heads per row.", nameof(x));
        }
        if (_hostCos.Length < rows * half)
        {
            _hostCos = new float[rows * half];
            _hostSin = new float[rows * half];
        }
        for (int r = 0; r < rows; r++)
        {
            table.Cos(positions[r]).CopyTo(_hostCos.AsSpan(r * half, half));
            table.Sin(positions[r]).CopyTo(_hostSin.AsSpan(r * half, half));
        }
        var range = WorkRange.For((long)rows * (width / 2), accelerator.MaxNumThreads, "RoPE pairs");
        ArrayView<float> device = _x.Upload(x);
        if (range.Count > 0)
        {
            _rotate(range.Threads, range, device, _cos.Upload(_hostCos.AsSpan(0, rows * half)), _sin.Upload(_hostSin.AsSpan(0, rows * half)), width, table.HeadDim);
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
