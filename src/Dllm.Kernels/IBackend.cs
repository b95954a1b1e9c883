using Dllm.Kernels.Specialization;

namespace Dllm.Kernels;

/// <summary>
/// The op set the models are written against (DESIGN 3.2). Activations are f32, row-major;
/// weights are borrowed <see cref="WeightMatrix"/> values in f32 or bf16.
/// Every implementation honours the batch-invariance contract (DESIGN 3.3): a row's result is
/// bitwise identical whatever the number of rows, its position among them, the other rows and the
/// thread count; reductions run in an order that depends only on the reduced length; ties go to the
/// lowest index. A backend may own threads or device memory: dispose it after its last use.
/// </summary>
public interface IBackend : IDisposable
{
    /// <summary>Names the backend and, for SIMD backends, the pinned path (for example "cpu/Vector512").</summary>
    string Name { get; }

    /// <summary>output[i, :] = table[ids[i], :] widened to f32. output is [ids.Length, table.Cols].</summary>
    void Embedding(WeightMatrix table, ReadOnlySpan<int> ids, Span<float> output);

    /// <summary>
    /// y[r, :] = weight ⊙ x[r, :] / sqrt(mean(x[r, :]²) + eps) for every row r of x [rows, weight.Length].
    /// y may alias x.
    /// </summary>
    void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y);

    /// <summary>
    /// y [rows, w.Rows] = x [rows, w.Cols] · Wᵀ, plus <paramref name="bias"/> [w.Rows] when it is not empty.
    /// </summary>
    void MatMul(ReadOnlySpan<float> x, WeightMatrix w, ReadOnlySpan<float> bias, Span<float> y);

    /// <summary>
    /// Rotary embedding, rotate-half form, in place on x [rows, heads · table.HeadDim]: for each head
    /// vector t, out_i = t_i·cos − t_{i+d/2}·sin and out_{i+d/2} = t_{i+d/2}·cos + t_i·sin at
    /// the row's position <paramref name="positions"/>[r].
    /// </summary>
    void RopeRotateHalf(Span<float> x, ReadOnlySpan<int> positions, RopeTable table);

    /// <summary>
    /// Bidirectional scaled dot-product attention, softmax(q·kᵀ/sqrt(d) + mask)·v, per sequence and head.
    /// q and output are [rows, shape.QueryWidth]; k and v are [rows, shape.KvWidth]; rows of different
    /// sequences never see each other.
    /// </summary>
    void Attention(
        ReadOnlySpan<float> q,
        ReadOnlySpan<float> k,
        ReadOnlySpan<float> v,
        Span<float> output,
        AttentionShape shape,
        ReadOnlySpan<SequenceSlice> sequences);

    /// <summary>y = SiLU(gate) ⊙ up, elementwise; y may alias gate or up.</summary>
    void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y);

    /// <summary>x += delta, elementwise (the residual connection).</summary>
    void Add(Span<float> x, ReadOnlySpan<float> delta);

    /// <summary>
    /// The fused output head for hidden [rows, D]: per row, RmsNorm with <paramref name="normWeight"/>,
    /// logits = normed · headᵀ, and <paramref name="stats"/>[r] = <see cref="RowStatistics.FromLogits"/>
    /// of that logits row. When <paramref name="logits"/> is not empty ([rows, head.Rows]) the logits
    /// rows are written there too; otherwise they are never materialised beyond a per-thread scratch row.
    /// </summary>
    void FusedHead(
        ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> normWeight,
        float eps,
        WeightMatrix head,
        Span<RowStats> stats,
        Span<float> logits);

    /// <summary>
    /// A fused step for <paramref name="shape"/> when this backend has kernels specialized for it (see
    /// <see cref="IFusedDenoiseStep"/>), else null: the model then runs the ops above one by one. The
    /// caller disposes the step before the backend. The default has no specializations.
    /// </summary>
    IFusedDenoiseStep? Specialize(ModelShape shape) => null;
}
