using Dllm.Gpu;
using Dllm.Gpu.Kernels;
using Dllm.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace Dllm.Tests.Gpu;

/// <summary>
/// The tiled matmul kernel against the per-thread kernel it replaced, bitwise, on ILGPU's CPU accelerator:
/// shapes whose rows, outputs and depth end mid-tile, f32 and bf16 weights, with and without bias, under
/// several launch shapes (group counts and sizes); and batch invariance through the backend's MatMul.
/// </summary>
public sealed class TiledMatMulTests
{
    /// <summary>A CPU accelerator with 8-thread groups, so a group's threads share tile outputs and loads unevenly.</summary>
    private static readonly Lazy<GpuDevices> WideGroups = new(() =>
        new GpuDevices(new CPUDevice(numThreadsPerWarp: 4, numWarpsPerMultiprocessor: 2, numMultiprocessors: 1)));

    public static TheoryData<int, int, int, bool, bool> Shapes => new()
    {
        // rows, n, depth, bf16, bias
        { 1, 1, 1, false, false },
        { 1, 33, 65, true, true },
        { 7, 31, 33, false, true },
        { 9, 45, 131, true, false },
        { 17, 3, 97, false, false },
        { 70, 37, 35, true, true },
        { 70, 5, 3, false, true },
        { 8, 32, 128, true, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_tiled_kernel_equals_the_per_thread_kernel_bitwise_for_every_launch_shape(int rows, int n, int depth, bool bf16, bool withBias)
    {
        var random = new Random(rows * 7919 + n * 31 + depth);
        float[] x = Values(random, rows * depth);
        float[] w = Values(random, n * depth);
        float[] bias = withBias ? Values(random, n) : [];

        using Accelerator narrow = TestGpuDevices.Devices.CreateAccelerator(GpuDeviceKind.CpuAccelerator);
        float[] expected = Run(narrow, x, w, bias, rows, n, depth, bf16, launch: null);
        foreach (var (groups, groupSize) in new[] { (1, 1), (1, 2), (3, 2), (64, 2) })
        {
            Assert.Equal(Bits(expected), Bits(Run(narrow, x, w, bias, rows, n, depth, bf16, new KernelConfig(groups, groupSize))));
        }
        using Accelerator wide = WideGroups.Value.CreateAccelerator(GpuDeviceKind.CpuAccelerator);
        foreach (var (groups, groupSize) in new[] { (2, 8), (1, 5) })
        {
            Assert.Equal(Bits(expected), Bits(Run(wide, x, w, bias, rows, n, depth, bf16, new KernelConfig(groups, groupSize))));
        }
    }

    [Theory]
    [InlineData(WeightType.F32)]
    [InlineData(WeightType.BF16)]
    public void A_rows_output_does_not_depend_on_the_other_rows_of_the_batch(WeightType type)
    {
        const int Rows = 70, N = 37, Depth = 45;
        var random = new Random(11);
        float[] x = Values(random, Rows * Depth);
        float[] bias = Values(random, N);
        using var w = new OwnedWeightMatrix(Values(random, N * Depth), type, N, Depth);
        using IlgpuBackend backend = TestGpuDevices.CpuAcceleratorBackend();
        var all = new float[Rows * N];
        backend.MatMul(x, w.Matrix, bias, all);

        foreach (var (start, count) in new[] { (0, 1), (13, 9), (69, 1), (5, 64) })
        {
            var some = new float[count * N];
            backend.MatMul(x.AsSpan(start * Depth, count * Depth), w.Matrix, bias, some);
            Assert.Equal(Bits(all.AsSpan(start * N, count * N).ToArray()), Bits(some));
        }
    }

    /// <summary>y from the tiled kernel launched as <paramref name="launch"/>, or from the per-thread reference when it is null.</summary>
    private static float[] Run(Accelerator accelerator, float[] x, float[] w, float[] bias, int rows, int n, int depth, bool bf16, KernelConfig? launch)
    {
        using var xs = accelerator.Allocate1D(x);
        using var biases = accelerator.Allocate1D(bias.Length == 0 ? [0f] : bias);
        using var ys = accelerator.Allocate1D<float>(rows * n);
        ArrayView<float> biasView = bias.Length == 0 ? biases.View.SubView(0, 0) : biases.View;
        if (bf16)
        {
            using var bits = accelerator.Allocate1D(Array.ConvertAll(w, value => (ushort)(BitConverter.SingleToUInt32Bits(value) >> 16)));
            Launch(accelerator, xs.View, new Bf16DeviceWeights(bits.View), biasView, depth, n, rows, ys.View, launch);
        }
        else
        {
            using var values = accelerator.Allocate1D(w);
            Launch(accelerator, xs.View, new F32DeviceWeights(values.View), biasView, depth, n, rows, ys.View, launch);
        }
        return ys.GetAsArray1D();
    }

    private static void Launch<TWeights>(
        Accelerator accelerator, ArrayView<float> x, TWeights w, ArrayView<float> bias, int depth, int n, int rows, ArrayView<float> y, KernelConfig? launch)
        where TWeights : struct, IDeviceWeights
    {
        if (launch is { } config)
        {
            accelerator.LoadStreamKernel<ArrayView<float>, TWeights, ArrayView<float>, int, int, int, ArrayView<float>>(MatMulKernel.Multiply)(
                config, x, w, bias, depth, n, rows, y);
        }
        else
        {
            var range = WorkRange.For((long)rows * n, accelerator.MaxNumThreads, "reference");
            accelerator.LoadAutoGroupedStreamKernel<Index1D, WorkRange, ArrayView<float>, TWeights, ArrayView<float>, int, int, ArrayView<float>>(PerThreadMatMulKernel.Multiply)(
                range.Threads, range, x, w, bias, depth, n, y);
        }
        accelerator.Synchronize();
    }

    /// <summary>Values spread over several binades, so a sum taken in another order rounds differently.</summary>
    private static float[] Values(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-6, 7))))];

    private static uint[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToUInt32Bits);
}
