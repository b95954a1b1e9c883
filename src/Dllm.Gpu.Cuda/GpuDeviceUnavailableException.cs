using Dllm.Core.Errors;

namespace Dllm.Gpu;

/// <summary>The requested device cannot be used: none of that kind, its driver is missing, or it lacks the memory.</summary>
public sealed class GpuDeviceUnavailableException(string message, Exception? inner = null) : DllmException(message, inner);
