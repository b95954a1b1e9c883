using Dllm.Gpu;

namespace Dllm.Tests.Gpu;

public sealed class GpuDevicesTests
{
    [Fact]
    public void The_CPU_accelerator_is_always_listed()
    {
        Assert.Contains(TestGpuDevices.Devices.Devices, device => device.Kind == GpuDeviceKind.CpuAccelerator);
    }

    [Fact]
    public void Opening_a_device_that_does_not_exist_names_it_and_lists_the_devices_found()
    {
        var error = Assert.Throws<GpuDeviceUnavailableException>(() => TestGpuDevices.Devices.CreateAccelerator(GpuDeviceKind.Cuda, 99));
        Assert.Contains("Cuda device 99 is not available", error.Message);
        Assert.Contains("CpuAccelerator 0", error.Message);
    }

    [Fact]
    public void A_missing_CUDA_device_is_explained_not_a_crash()
    {
        int found = TestGpuDevices.Devices.Devices.Count(d => d.Kind == GpuDeviceKind.Cuda);
        var error = Assert.Throws<GpuDeviceUnavailableException>(() => IlgpuBackend.Open(GpuDeviceKind.Cuda, index: found));
        Assert.Contains(found == 0 ? "No CUDA device found" : $"only {found} found", error.Message);
    }

    [Fact]
    public void A_model_larger_than_the_device_is_refused_before_loading_with_both_sizes()
    {
        var estimate = new GpuMemoryEstimate(WeightBytes: 3L << 30, ActivationBytes: 1L << 30);
        var error = Assert.Throws<GpuDeviceUnavailableException>(() => estimate.EnsureFits(2L << 30, "test GPU"));
        Assert.Contains("test GPU has 2.00 GiB", error.Message);
        Assert.Contains("needs about 4.00 GiB", error.Message);
        estimate.EnsureFits(4L << 30, "test GPU");
    }
}
