using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>The reference-agreement claims on every CPU path this processor runs.</summary>
[Properties(Arbitrary = [typeof(KernelArbitraries)], MaxTest = 200, Replay = ReplaySeeds.Replay)]
public sealed class SimdMatchesReferenceProperties(CpuBackendSet backends)
    : ReferenceAgreementClaims<CpuBackendSet>(backends), IClassFixture<CpuBackendSet>;
