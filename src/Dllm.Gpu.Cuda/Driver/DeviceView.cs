namespace Dllm.Gpu.Cuda.Driver;

/// <summary>
/// Device memory as the kernels receive it: a device pointer, then the length in elements (64-bit),
/// 16 bytes, the layout of ILGPU's <c>ArrayView&lt;T&gt;</c> parameters (and of the weight structs, which
/// wrap one view) in the compiled PTX.
/// </summary>
public readonly struct DeviceView<T>(ulong pointer, long length) where T : unmanaged
{
    public ulong Pointer { get; } = pointer;
    public long Length { get; } = length;

    public static DeviceView<T> Empty => default;

    public unsafe DeviceView<T> Slice(long start, long length) => new(Pointer + (ulong)(start * sizeof(T)), length);

    /// <summary>Copies the first destination.Length elements to the host, after every earlier launch finished.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (!destination.IsEmpty)
        {
            CudaContext.CopyToHost(Pointer, destination);
        }
    }
}
