using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dllm.Cli.Images;

/// <summary>
/// Which build of dllm is running. Native AOT fixes the instruction set at compile time, so the x64
/// publish ships two images side by side: <c>dllm</c> (x86-64-v3: AVX2 and FMA, any x64 processor of the
/// last decade) and <see cref="AvxImageFileName"/> (x86-64-v4: AVX-512, the only image whose Vector512
/// path exists). <see cref="ImageLauncher"/> moves to the second one at start-up where the processor has it.
/// </summary>
public static class NativeImage
{
    public const string AvxImageFileName = "dllm-x86-64-v4";

    /// <summary>A Native AOT image compiles no method at run time (RuntimeFeature cannot tell: PublishAot turns dynamic code off in JIT builds too).</summary>
    public static bool IsNative => JitInfo.GetCompiledMethodCount() == 0;

    /// <summary>
    /// The x64 instruction set a native image was compiled for ("x86-64-v4", "x86-64-v3"), read off the
    /// vector widths its compiler allowed (in a native image those are constants of the build); null in a
    /// JIT build or on another architecture.
    /// </summary>
    public static string? InstructionSet =>
        !IsNative || RuntimeInformation.ProcessArchitecture != Architecture.X64 ? null
        : Vector512.IsHardwareAccelerated ? "x86-64-v4"
        : Vector256.IsHardwareAccelerated ? "x86-64-v3"
        : "x86-64";

    /// <summary>"jit", or "native-aot" and the instruction set ("native-aot x86-64-v4").</summary>
    public static string Describe() => !IsNative ? "jit" : InstructionSet is { } set ? $"native-aot {set}" : "native-aot";
}
