using Dllm.Cli.Images;
using Dllm.Cpu;

namespace Dllm.Tests.Cli;

/// <summary>The native image choice reads the same AVX-512 support the JIT detects for itself.</summary>
public sealed class ImageLauncherTests
{
    [LinuxX64Fact]
    public void The_kernel_reports_AVX_512_exactly_where_the_JIT_accelerates_Vector512() =>
        Assert.Equal(CpuPaths.IsSupported(CpuPath.Vector512), ImageLauncher.ProcessorHasAvx512());

    [Fact]
    public void A_test_process_is_a_JIT_build() => Assert.Equal("jit", NativeImage.Describe());
}
