using Dllm.Gpu.Cuda.Driver;

namespace Dllm.Tests.Gpu;

/// <summary>
/// A fact about one side of the CUDA driver question: <c>[CudaDriverFact(Installed = false)]</c> runs where
/// there is no driver (CI) and shows as skipped, with the reason, on a GPU host; <c>Installed = true</c> the reverse.
/// </summary>
public sealed class CudaDriverFactAttribute : FactAttribute
{
    private readonly bool _installed;

    /// <summary>Whether the test needs the driver present (true) or absent (false).</summary>
    public bool Installed
    {
        get => _installed;
        init
        {
            _installed = value;
            if (value != CudaDriverProbe.Installed)
            {
                Skip = value
                    ? $"Needs the CUDA driver ({CudaDriver.LibraryName}), which this machine lacks."
                    : $"Checks behaviour without a CUDA driver; this machine has {CudaDriver.LibraryName}.";
            }
        }
    }
}
