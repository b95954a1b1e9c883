using Dllm.Gpu.Kernels;
using Dllm.Gpu.Ops;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using ILGPU;
using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>
/// The fused transformer block on an ILGPU accelerator, for the generated shape struct <typeparamref name="TShape"/>.
/// The residual goes to the device once per call and comes back once; everything in between stays
/// resident, in thirteen launches instead of the generic ops' nineteen with a host round trip each:
/// <list type="number">
/// <item>attention RMSNorm (inverse RMS per row, then the scaled elements);</item>
/// <item>Q and K projected with their bias and rotated (RoPE) in one kernel each, V projected;</item>
/// <item>attention (scores, softmax, weighted values: the generic kernels on the resident q, k, v);</item>
/// <item>output projection with the residual add as its epilogue;</item>
/// <item>MLP RMSNorm, gate and up with SwiGLU in one kernel, down projection with the residual add.</item>
/// </list>
/// Each element is computed by the generic kernels' per-element routines in the same order (see
/// <see cref="FusedBlockKernels"/>), so the block is bitwise equal to the generic op sequence on the same
/// accelerator and batch invariant for the same reasons. The norm and projection dimensions are compiled in
/// (SpecializedValue); attention keeps its runtime layout, whose longest-sequence length changes every batch.
/// </summary>
internal sealed class IlgpuFusedStep<TShape> : IFusedDenoiseStep
    where TShape : struct, IStaticModelShape
{
    private static int Hidden => TShape.HiddenSize;
    private static int QueryWidth => TShape.NumHeads * TShape.HeadDim;
    private static int KvWidth => TShape.NumKvHeads * TShape.HeadDim;
    private static NormShape Norm => new(Hidden, TShape.RmsNormEps);
    private static ProjectionShape QueryProjection => new(Hidden, QueryWidth, TShape.HeadDim);
    private static ProjectionShape KvProjection => new(Hidden, KvWidth, TShape.HeadDim);
    private static ProjectionShape OutputProjection => new(QueryWidth, Hidden, HeadDim: 0);
    private static ProjectionShape GateUpProjection => new(Hidden, TShape.IntermediateSize, HeadDim: 0);
    private static ProjectionShape DownProjection => new(TShape.IntermediateSize, Hidden, HeadDim: 0);
    private static AttentionShape Attention => new(TShape.NumHeads, TShape.NumKvHeads, TShape.HeadDim);

    private readonly Accelerator _accelerator;
    private readonly ResidentWeightCache<DeviceMatrix> _weights;
    private readonly AttentionOp _attention;
    private readonly NormLaunches _norm;
    private readonly FusedStepDeviceBuffers _buffers;
    private readonly AttentionWorkRows _work = new();
    private readonly RopeRowTables _rope = new();
    private ProjectionLaunches<F32DeviceWeights>? _f32;
    private ProjectionLaunches<Bf16DeviceWeights>? _bf16;

    /// <param name="weights">The backend's resident weights, shared with its generic ops.</param>
    /// <param name="attention">The backend's attention kernels and scratch, shared with its generic ops.</param>
    public IlgpuFusedStep(Accelerator accelerator, ResidentWeightCache<DeviceMatrix> weights, AttentionOp attention, string name)
    {
        _accelerator = accelerator;
        _weights = weights;
        _attention = attention;
        _norm = new NormLaunches(accelerator);
        _buffers = new FusedStepDeviceBuffers(accelerator);
        Name = name;
    }

    public string Name { get; }

    public ModelShape Shape => TShape.Shape;

    public void Block(
        Span<float> residual,
        LayerWeights weights,
        ReadOnlySpan<int> positions,
        ReadOnlySpan<SequenceSlice> sequences,
        RopeTable rope)
    {
        int rows = FusedStepChecks.Block(residual, weights, positions, rope, TShape.Shape);
        WeightType type = FusedStepChecks.SingleWeightType(weights);
        if (rows == 0)
        {
            return;
        }
        _work.Describe(rows * QueryWidth, rows * KvWidth, rows * KvWidth, rows * QueryWidth, Attention, sequences);
        _rope.Gather(rows * QueryWidth, positions, rope);
        if (type == WeightType.F32)
        {
            Run(_f32 ??= new ProjectionLaunches<F32DeviceWeights>(_accelerator, matrix => matrix.F32), residual, weights, rows);
        }
        else
        {
            Run(_bf16 ??= new ProjectionLaunches<Bf16DeviceWeights>(_accelerator, matrix => matrix.Bf16), residual, weights, rows);
        }
    }

    private void Run<TWeights>(ProjectionLaunches<TWeights> projections, Span<float> residual, LayerWeights weights, int rows)
        where TWeights : struct, IDeviceWeights
    {
        FusedStepDeviceBuffers b = _buffers;
        ArrayView<float> x = b.Residual.Upload(residual);
        ArrayView<float> normed = b.Normed.View((long)rows * Hidden);
        ArrayView<float> inverseRms = b.InverseRms.View(rows);
        ArrayView<float> query = b.Query.View((long)rows * QueryWidth);
        ArrayView<float> key = b.Key.View((long)rows * KvWidth);
        ArrayView<float> value = b.Value.View((long)rows * KvWidth);
        ArrayView<float> attended = b.Attended.View((long)rows * QueryWidth);
        ArrayView<float> activated = b.Activated.View((long)rows * TShape.IntermediateSize);
        ArrayView<float> cos = b.Cos.Upload(_rope.Cos);
        ArrayView<float> sin = b.Sin.Upload(_rope.Sin);

        _norm.Enqueue(Norm, rows, x, b.AttentionNorm.Upload(weights.AttentionNorm), inverseRms, normed);
        projections.ProjectRotate(QueryProjection, rows, normed, _weights.Get(weights.Query), b.QueryBias.Upload(weights.QueryBias), cos, sin, query);
        projections.ProjectRotate(KvProjection, rows, normed, _weights.Get(weights.Key), b.KeyBias.Upload(weights.KeyBias), cos, sin, key);
        projections.Project(KvProjection, rows, normed, _weights.Get(weights.Value), b.ValueBias.Upload(weights.ValueBias), value);
        if (_work.Count < rows)
        {
            attended.MemSetToZero(); // rows outside every sequence attend to nothing
        }
        _attention.Launch(_work, Attention, query, key, value, attended);
        projections.ProjectAdd(OutputProjection, rows, attended, _weights.Get(weights.AttentionOutput), x);

        _norm.Enqueue(Norm, rows, x, b.FeedForwardNorm.Upload(weights.FeedForwardNorm), inverseRms, normed);
        projections.GateUpSwiGlu(GateUpProjection, rows, normed, _weights.Get(weights.Gate), _weights.Get(weights.Up), activated);
        projections.ProjectAdd(DownProjection, rows, activated, _weights.Get(weights.Down), x);
        Download.Into(_accelerator, x, residual);
    }

    public void Dispose() => _buffers.Dispose();
}
