namespace Dllm.Gpu.Fused;

/// <summary>
/// A projection's dimensions, passed as a SpecializedValue so ILGPU compiles them in as constants:
/// y [rows, Width] = x [rows, Depth] · Wᵀ, with RoPE heads of HeadDim where the kernel rotates.
/// </summary>
public readonly record struct ProjectionShape(int Depth, int Width, int HeadDim);
