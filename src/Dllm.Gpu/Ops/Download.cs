using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Ops;

/// <summary>Device-to-host copies that return only once the data is on the host.</summary>
internal static class Download
{
    public static void Into<T>(Accelerator accelerator, ArrayView<T> source, Span<T> destination) where T : unmanaged
    {
        accelerator.Synchronize();
        if (!destination.IsEmpty)
        {
            source.SubView(0, destination.Length).CopyToCPU(destination);
        }
    }
}
