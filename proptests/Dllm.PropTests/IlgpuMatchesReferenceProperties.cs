using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// The reference-agreement claims on the ILGPU kernels, run by ILGPU's CPU accelerator, with the CPU
/// paths' tolerances. Fewer cases than the CPU paths: the simulated device is slow.
/// </summary>
[Properties(Arbitrary = [typeof(KernelArbitraries)], MaxTest = 100, Replay = ReplaySeeds.Replay)]
public sealed class IlgpuMatchesReferenceProperties(IlgpuBackendSet backends)
    : ReferenceAgreementClaims<IlgpuBackendSet>(backends), IClassFixture<IlgpuBackendSet>;
