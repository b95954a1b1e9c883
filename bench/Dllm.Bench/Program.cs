using BenchmarkDotNet.Running;
using Dllm.Bench.Decoding;
using Dllm.Bench.Specialization;

// Specialized against generic kernels, interleaved call by call in one run (BenchmarkDotNet runs one case at a time).
if (args is ["fused-step", .. var fusedArgs])
{
    FusedStepTable.Run(FusedStepTableOptions.Parse(fusedArgs), Console.Out);
    return;
}

// Forward calls and accuracies are deterministic, so the decoding tables are plain runs, not BenchmarkDotNet jobs.
if (args is ["decoding-table", .. var rest])
{
    DecodingTable.Run(DecodingTableOptions.Parse(rest), Console.Out);
    return;
}
if (args is ["task-table", .. var taskArgs])
{
    TaskTable.Run(TaskTableOptions.Parse(taskArgs), Console.Out);
    return;
}
if (args is ["text-table", .. var textArgs])
{
    TextTable.Run(TextTableOptions.Parse(textArgs), Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
