#!/usr/bin/env bash
# Publishes what a GPU host needs to run the tests and benchmarks with no package access: each project
# self-contained for linux-x64 (the .NET runtime and every package inside), into artifacts/gpu/<project>
# (git-ignored). Run the tests there with `dotnet test artifacts/gpu/Dllm.Tests/Dllm.Tests.dll` (an SDK
# is needed for the test runner, not for restoring) and the benchmarks with artifacts/gpu/Dllm.Bench/Dllm.Bench.
set -euo pipefail
cd "$(dirname "$0")/.."

runtime="${1:-linux-x64}"
for project in tests/Dllm.Tests proptests/Dllm.PropTests bench/Dllm.Bench; do
    dotnet publish "$project" -c Release -r "$runtime" --self-contained -o "artifacts/gpu/$(basename "$project")"
done
echo "Published to artifacts/gpu ($(du -sh artifacts/gpu | cut -f1))."
