using Dllm.Cpu.Threading;
using Dllm.Kernels.Specialization;

namespace Dllm.Cpu.Fused;

/// <summary>The fused step's activations, grown for the largest batch seen and reused across calls.</summary>
internal sealed unsafe class FusedStepBuffers : IDisposable
{
    private readonly ScratchBuffer _normed = new();
    private readonly ScratchBuffer _query = new();
    private readonly ScratchBuffer _key = new();
    private readonly ScratchBuffer _value = new();
    private readonly ScratchBuffer _attended = new();
    private readonly ScratchBuffer _activated = new();

    public float* Normed => _normed.Slice(0);       // RmsNorm(x)ᵀ [D, PaddedRows]
    public float* Query => _query.Slice(0);         // [rows, H·d], not yet rotated
    public float* Key => _key.Slice(0);             // [rows, K·d], not yet rotated
    public float* Value => _value.Slice(0);         // [rows, K·d]
    public float* Attended => _attended.Slice(0);   // attention outputᵀ [H·d, PaddedRows]
    public float* Activated => _activated.Slice(0); // SwiGLU(gate, up)ᵀ [F, PaddedRows]

    /// <summary>Per worker: the staged weight block and accumulators, or a norm block.</summary>
    public ScratchBuffer Workers { get; } = new();

    public void Ensure<TShape>(int rows, int paddedRows, int threads, long workerFloats) where TShape : struct, IStaticModelShape
    {
        long queryWidth = (long)TShape.NumHeads * TShape.HeadDim;
        long kvWidth = (long)TShape.NumKvHeads * TShape.HeadDim;
        _normed.EnsureCapacity(1, (long)TShape.HiddenSize * paddedRows);
        _query.EnsureCapacity(1, rows * queryWidth);
        _key.EnsureCapacity(1, rows * kvWidth);
        _value.EnsureCapacity(1, rows * kvWidth);
        _attended.EnsureCapacity(1, queryWidth * paddedRows);
        _activated.EnsureCapacity(1, (long)TShape.IntermediateSize * paddedRows);
        Workers.EnsureCapacity(threads, workerFloats);
    }

    public void Dispose()
    {
        _normed.Dispose();
        _query.Dispose();
        _key.Dispose();
        _value.Dispose();
        _attended.Dispose();
        _activated.Dispose();
        Workers.Dispose();
    }
}
