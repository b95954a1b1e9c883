#!/usr/bin/env bash
# Publishes what a GPU host needs, into artifacts/gpu (git-ignored), so it needs no package access:
#   artifacts/gpu/dllm/dllm            the Native AOT CLI: `dllm generate --device cuda ...` needs only the NVIDIA driver
#   artifacts/gpu/Dllm.Bench/Dllm.Bench self-contained benchmarks (the .NET runtime inside): needs only the driver
#   artifacts/gpu/Dllm.Tests, Dllm.PropTests  self-contained test projects. xunit runs through the test platform,
#       so these need the .NET 10 SDK on the host (no restore, no package access):
#       dotnet test artifacts/gpu/Dllm.Tests/Dllm.Tests.dll
#     The tests that need a CUDA device (PtxBackendOpTests, CudaGenerateTests, CudaDriverTests) run there and are
#     skipped elsewhere; --filter "FullyQualifiedName~Ptx|FullyQualifiedName~Cuda|FullyQualifiedName~Ilgpu" picks the GPU ones.
set -euo pipefail
cd "$(dirname "$0")/.."

runtime="${1:-linux-x64}"
dotnet publish src/Dllm.Cli -c Release -r "$runtime" -o artifacts/gpu/dllm
for project in tests/Dllm.Tests proptests/Dllm.PropTests bench/Dllm.Bench; do
    dotnet publish "$project" -c Release -r "$runtime" --self-contained -o "artifacts/gpu/$(basename "$project")"
done
echo "Published to artifacts/gpu ($(du -sh artifacts/gpu | cut -f1))."
