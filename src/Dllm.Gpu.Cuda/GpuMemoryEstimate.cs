using Dllm.Core.Config;
using Dllm.Kernels;

namespace Dllm.Gpu;

/// <summary>
/// Device memory a model needs on the GPU backends (IlgpuBackend and PtxBackend keep the same buffers),
/// worked out from its config before anything is loaded: the weight matrices the backend keeps resident (in their checkpoint dtype), and the activation
/// scratch its ops grow to for a forward pass over <c>rows</c> token rows whose longest sequence is
/// <c>longest</c> rows (phase 1: every op keeps its own buffers, so their peaks add up).
/// </summary>
public sealed record GpuMemoryEstimate(long WeightBytes, long ActivationBytes)
{
    public long TotalBytes => WeightBytes + ActivationBytes;

    public static GpuMemoryEstimate For(TransformerConfig config, WeightType weights, int rows, int longest)
    {
        long d = config.HiddenSize, f = config.IntermediateSize, v = config.VocabSize;
        long queryWidth = (long)config.NumHeads * config.HeadDim, kvWidth = (long)config.NumKvHeads * config.HeadDim;
        long layerElements = queryWidth * d + 2 * kvWidth * d + d * queryWidth + 3 * f * d;
        long weightElements = 2 * v * d + config.NumLayers * layerElements; // embedding, head, blocks
        long weightBytes = weightElements * (weights == WeightType.F32 ? sizeof(float) : sizeof(ushort));

        long r = rows;
        long widest = Math.Max(Math.Max(d, f), queryWidth);
        long chunk = Math.Min(r, FusedHeadChunk.Rows);
        long floats =
            r * d                                                          // embedding output
            + 2 * r * d + r                                                // norm input, output, row scales
            + 2 * r * widest + widest                                      // matmul input, output, bias
            + r * queryWidth + r * config.HeadDim                          // rope rows, cos and sin
            + 2 * r * queryWidth + 2 * r * kvWidth                         // attention q, output, k, v
            + r * config.NumHeads * ((long)longest + 1)                    // attention scores and sums
            + 3 * r * f                                                    // elementwise operands and result
            + chunk * (2 * d + v) + d + 3 * chunk;                         // fused head hidden, normed, logits, stats
        long otherBytes =
            r * sizeof(int) + 4 * r * sizeof(int) + r * longest            // ids, attention row table, masks
            + chunk * v * sizeof(double) + 2 * chunk * sizeof(int);        // fused head exp terms, top-2
        return new GpuMemoryEstimate(weightBytes, floats * sizeof(float) + otherBytes);
    }

    /// <summary>Throws, naming both sizes, when the estimate exceeds <paramref name="availableBytes"/> of <paramref name="device"/>.</summary>
    /// <exception cref="GpuDeviceUnavailableException">Not enough device memory.</exception>
    public void EnsureFits(long availableBytes, string device)
    {
        if (TotalBytes > availableBytes)
        {
            throw new GpuDeviceUnavailableException(
                $"{device} has {Gib(availableBytes)} of memory; this model needs about {Gib(TotalBytes)} " +
                $"({Gib(WeightBytes)} of weights, {Gib(ActivationBytes)} of activations). Use a shorter window, a smaller batch or the CPU backend.");
        }
    }

    private static string Gib(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):F2} GiB";
}
