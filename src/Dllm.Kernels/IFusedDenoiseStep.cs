using Dllm.Kernels.Specialization;

namespace Dllm.Kernels;

/// <summary>
/// One transformer block of the denoising forward pass, specialized for one <see cref="ModelShape"/>
/// and fused (DESIGN section 4): the same arithmetic as the block the models write against
/// <see cref="IBackend"/> ops (pre-norm attention, then pre-norm SwiGLU MLP, each added to the
/// residual), in fewer passes over the activations.
/// </summary>
/// <remarks>
/// A specialization is a drop-in replacement, not an approximation: on the backend and CPU path that
/// created it, <see cref="Block"/> leaves <c>residual</c> bitwise equal to the generic op sequence,
/// and it keeps the batch-invariance contract of DESIGN 3.3 (a row's result does not depend on the
/// other rows, its position in the batch or the thread count). The model keeps the embedding and the
/// fused head (<see cref="IBackend.FusedHead"/>), which already computes statistics only for the rows
/// asked about. Get one from <see cref="IBackend.Specialize"/>; the backend stays its owner's, the
/// step is the caller's to dispose. Not thread-safe: one caller at a time (it owns its scratch).
/// </remarks>
public interface IFusedDenoiseStep : IDisposable
{
    /// <summary>The specialization, as the generated class is named (for example "LladaTiny").</summary>
    string Name { get; }

    /// <summary>The shape the step's kernels were compiled for; only its <see cref="ModelShape.BlockShape()"/> part matters.</summary>
    ModelShape Shape { get; }

    /// <summary>
    /// residual [rows, D] += Attn(RoPE(RmsNorm(residual)·Wq,k,vᵀ + b))·Woᵀ, then
    /// residual += (SiLU(h·Wgateᵀ) ⊙ h·Wupᵀ)·Wdownᵀ with h = RmsNorm(residual), for the packed
    /// <paramref name="sequences"/> at <paramref name="positions"/> [rows]. <paramref name="rope"/>
    /// must cover every position.
    /// </summary>
    void Block(
        Span<float> residual,
        LayerWeights weights,
        ReadOnlySpan<int> positions,
        ReadOnlySpan<SequenceSlice> sequences,
        RopeTable rope);
}
