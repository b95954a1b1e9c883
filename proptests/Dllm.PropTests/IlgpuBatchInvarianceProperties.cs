using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// The batch-invariance claims on the ILGPU kernels, run by ILGPU's CPU accelerator in two launch shapes.
/// Fewer cases than the CPU paths: the simulated device is slow.
/// </summary>
[Properties(Arbitrary = [typeof(KernelArbitraries)], MaxTest = 100, Replay = ReplaySeeds.Replay)]
public sealed class IlgpuBatchInvarianceProperties(IlgpuBackendSet backends)
    : BatchInvarianceClaims<IlgpuBackendSet>(backends), IClassFixture<IlgpuBackendSet>;
