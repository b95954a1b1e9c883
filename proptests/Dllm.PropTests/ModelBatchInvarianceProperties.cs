using Dllm.Cpu;
using Dllm.Gpu;
using Dllm.Kernels;
using Dllm.Models;
using Dllm.PropTests.Arbitraries;
using Dllm.PropTests.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dllm.PropTests;

/// <summary>
/// The losslessness contract at model level (DESIGN 3.3): a sequence's row statistics and logits are
/// bitwise the same whether it runs alone on one thread or inside a random batch of up to 8
/// sequences (other lengths, masks, positions) on 1 or 2 threads, on every CPU path; and on the ILGPU
/// kernels, alone on one CPU-accelerator shape and batched on the other.
/// </summary>
public sealed class ModelBatchInvarianceProperties
{
    [Property(MaxTest = 60)]
    public Property A_sequence_scores_bitwise_the_same_alone_and_inside_any_batch() =>
        Prop.ForAll(ForwardBatchCase.Arbitrary, c =>
        {
            using var aloneBackend = new CpuBackend(c.Path, threads: 1);
            using var batchBackend = new CpuBackend(c.Path, c.Threads);
            return AloneEqualsBatched(c, aloneBackend, batchBackend);
        });

    [Property(MaxTest = 30)]
    public Property On_the_ILGPU_kernels_a_sequence_scores_bitwise_the_same_alone_and_inside_any_batch() =>
        Prop.ForAll(ForwardBatchCase.Arbitrary, c =>
        {
            using IlgpuBackend aloneBackend = IlgpuBackendSet.Open(0);
            using IlgpuBackend batchBackend = IlgpuBackendSet.Open(1);
            return AloneEqualsBatched(c, aloneBackend, batchBackend);
        });

    private static Property AloneEqualsBatched(ForwardBatchCase c, IBackend aloneBackend, IBackend batchBackend)
    {
        ForwardSequence target = c.Batch[c.Target];
        using DiffusionModel aloneModel = c.Model.Build(aloneBackend);
        using DiffusionModel batchModel = c.Model.Build(batchBackend);

        ForwardResult alone = aloneModel.Forward([target]);
        ForwardResult batched = batchModel.Forward(c.Batch);

        bool statsEqual = alone.Stats[0].SequenceEqual(batched.Stats[c.Target]);
        bool logitsEqual = !target.ReturnLogits || BitwiseEqual(alone.Logits[0]!, batched.Logits[c.Target]!);
        return statsEqual.Label("row statistics bitwise equal")
            .And(logitsEqual.Label("logits bitwise equal"));
    }

    private static bool BitwiseEqual(float[] a, float[] b) =>
        a.Length == b.Length && a.Select(BitConverter.SingleToInt32Bits).SequenceEqual(b.Select(BitConverter.SingleToInt32Bits));
}
