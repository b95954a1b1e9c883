using Dllm.Gpu;
using Dllm.Gpu.Cuda;
using Dllm.Gpu.Cuda.Driver;

namespace Dllm.Tests.Gpu;

/// <summary>The CUDA driver binding where there is no driver (CI): a clear error, never a DllNotFoundException. On a GPU host the device opens or is explained.</summary>
public sealed class CudaDriverTests
{
    [CudaDriverFact(Installed = false)]
    public void Without_a_driver_opening_the_backend_says_no_CUDA_driver_and_names_the_library()
    {
        var error = Assert.Throws<GpuDeviceUnavailableException>(() => PtxBackend.Open());
        Assert.Equal($"No CUDA driver ({CudaDriver.LibraryName}) found: install the NVIDIA driver, or use --device cpu.", error.Message);
        Assert.Equal(0, CudaContext.DeviceCount());
    }

    [CudaDriverFact(Installed = true)]
    public void With_a_driver_the_backend_opens_or_explains_why_not()
    {
        try
        {
            using PtxBackend backend = PtxBackend.Open();
            Assert.True(backend.DeviceMemoryBytes > 0);
        }
        catch (GpuDeviceUnavailableException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
