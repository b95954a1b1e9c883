using System.Runtime.InteropServices;
using Dllm.Gpu;
using Dllm.Kernels;
using Dllm.Models;
using Dllm.Tests.Fixtures;

namespace Dllm.Tests.Gpu;

/// <summary>What the ILGPU backend adds to the op contract: resident weights, and a memory estimate that matches them.</summary>
public sealed class IlgpuBackendTests
{
    [Fact]
    public void Weights_are_uploaded_once_in_their_own_dtype()
    {
        using IlgpuBackend backend = TestGpuDevices.CpuAcceleratorBackend();
        using var bf16 = new OwnedWeightMatrix(new float[6 * 4], WeightType.BF16, 6, 4);
        using var f32 = new OwnedWeightMatrix(new float[6 * 4], WeightType.F32, 6, 4);
        var y = new float[6];
        backend.MatMul(new float[4], bf16.Matrix, default, y);
        backend.MatMul(new float[4], bf16.Matrix, default, y);
        Assert.Equal(6 * 4 * sizeof(ushort), backend.ResidentWeightBytes);
        backend.MatMul(new float[4], f32.Matrix, default, y);
        Assert.Equal(6 * 4 * (sizeof(ushort) + sizeof(float)), backend.ResidentWeightBytes);
        backend.ReleaseWeights();
        Assert.Equal(0, backend.ResidentWeightBytes);
    }

    [Fact]
    public unsafe void Weight_memory_that_now_holds_other_values_is_uploaded_again()
    {
        // The cache is keyed by address: memory reused for other weights must not hit the stale copy.
        using IlgpuBackend backend = TestGpuDevices.CpuAcceleratorBackend();
        float[] values = [1f, 2f, 3f, 4f];
        var handle = GCHandle.Alloc(values, GCHandleType.Pinned);
        try
        {
            var w = new WeightMatrix((void*)handle.AddrOfPinnedObject(), WeightType.F32, 2, 2);
            var y = new float[2];
            backend.MatMul([1f, 1f], w, default, y);
            Assert.Equal([3f, 7f], y);
            values[3] = 40f;
            backend.MatMul([1f, 1f], w, default, y);
            Assert.Equal([3f, 43f], y);
        }
        finally
        {
            handle.Free();
        }
    }

    [Theory]
    [InlineData("llada-tiny", WeightType.F32)]
    [InlineData("dream-tiny-bf16-sharded", WeightType.BF16)]
    public void The_memory_estimate_counts_exactly_the_weights_a_forward_pass_uploads(string model, WeightType dtype)
    {
        using IlgpuBackend backend = TestGpuDevices.CpuAcceleratorBackend();
        using DiffusionModel diffusion = DiffusionModel.Load(FixturePaths.Model(model), backend);
        int[] ids = [1, 2, 3, 4, 5];
        diffusion.Forward([new ForwardSequence { Ids = ids, ScorePositions = [0, 4] }]);
        var estimate = GpuMemoryEstimate.For(diffusion.Config, dtype, rows: ids.Length, longest: ids.Length);
        Assert.Equal(estimate.WeightBytes, backend.ResidentWeightBytes);
        Assert.True(estimate.ActivationBytes > 0);
        backend.EnsureFits(estimate);
    }
}
