using Dllm.Kernels;

namespace Dllm.Gpu.Kernels;

/// <summary>
/// The device steps of one fused-head chunk, which each GPU backend launches on its own buffers (each step
/// sizes its own output); <see cref="FusedHeadPasses{TMatrix}"/> calls them in order, once per chunk.
/// </summary>
public interface IFusedHeadDevice<in TMatrix> : IDisposable where TMatrix : IResidentMatrix
{
    /// <summary>Uploads the final norm's weight, shared by every chunk of the call.</summary>
    void UploadNormWeight(ReadOnlySpan<float> normWeight);

    /// <summary>Enqueues RMSNorm of the chunk's <paramref name="rows"/> <paramref name="hidden"/> rows, then the head matmul into the chunk logits.</summary>
    void NormAndProject(TMatrix head, ReadOnlySpan<float> hidden, int rows, float eps);

    /// <summary>Kernel rowstats_top2 over the chunk logits.</summary>
    void Top2(WorkRange rows, int vocabulary);

    /// <summary>Kernel rowstats_exp_terms over the chunk logits.</summary>
    void ExpTerms(WorkRange logits, int vocabulary);

    /// <summary>Kernel rowstats_finish over the chunk logits.</summary>
    void Finish(WorkRange rows, int vocabulary);

    /// <summary>
    /// Waits for the launches, then copies the chunk's top-2 ids (2 a row) and probabilities and entropy
    /// (3 a row) back, and its logits when <paramref name="logits"/> is not empty.
    /// </summary>
    void DownloadChunk(Span<int> top, Span<float> values, Span<float> logits);
}
