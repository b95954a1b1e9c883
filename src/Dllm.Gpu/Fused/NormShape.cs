namespace Dllm.Gpu.Fused;

/// <summary>An RMSNorm's row width and epsilon, passed as a SpecializedValue so ILGPU compiles them in as constants.</summary>
public readonly record struct NormShape(int Columns, float Eps);
