using System.CommandLine;
using Dllm.Cli.Commands;

// The command tree only; each command maps its flags onto a plain settings class and runs elsewhere.
var root = new RootCommand("dllm: diffusion language model inference (LLaDA, Dream) on SIMD CPU kernels.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(TokenizeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
