using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>The batch-invariance claims on every CPU path, with 1 and 2 worker threads.</summary>
[Properties(Arbitrary = [typeof(KernelArbitraries)], MaxTest = 200, Replay = ReplaySeeds.Replay)]
public sealed class BatchInvarianceProperties(CpuBackendSet backends)
    : BatchInvarianceClaims<CpuBackendSet>(backends), IClassFixture<CpuBackendSet>;
