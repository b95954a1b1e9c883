using System.CommandLine;
using Dllm.Cli.Commands;
using Dllm.Cli.Images;

// The x86-64-v3 native image hands over to the AVX-512 one beside it where the processor has AVX-512.
ImageLauncher.ReplaceWithBestImage(args);

// The command tree only; each command maps its flags onto a plain settings class and runs elsewhere.
var root = new RootCommand("dllm: diffusion language model inference (LLaDA, Dream) on SIMD CPU kernels.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(TokenizeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
