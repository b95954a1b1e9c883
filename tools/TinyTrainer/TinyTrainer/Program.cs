using System.CommandLine;
using Dllm.TinyTrainer.Commands;

// The command tree only; each command maps its flags onto plain settings and runs elsewhere.
var root = new RootCommand("TinyTrainer: trains a LLaDA-architecture masked-diffusion model on the engine's CPU kernels.");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ResumeCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(TokenizerCommand.Create());
return root.Parse(args).Invoke();
