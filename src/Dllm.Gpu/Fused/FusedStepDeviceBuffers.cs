using ILGPU.Runtime;

namespace Dllm.Gpu.Fused;

/// <summary>The fused step's device activations and per-call operands, grown for the largest batch seen and reused across calls.</summary>
internal sealed class FusedStepDeviceBuffers(Accelerator accelerator) : IDisposable
{
    public DeviceBuffer<float> Residual { get; } = new(accelerator);        // [rows, D], the block's input and output
    public DeviceBuffer<float> Normed { get; } = new(accelerator);          // RmsNorm(residual) [rows, D]
    public DeviceBuffer<float> InverseRms { get; } = new(accelerator);      // [rows]
    public DeviceBuffer<float> Query { get; } = new(accelerator);           // rotated [rows, H·d]
    public DeviceBuffer<float> Key { get; } = new(accelerator);             // rotated [rows, K·d]
    public DeviceBuffer<float> Value { get; } = new(accelerator);           // [rows, K·d]
    public DeviceBuffer<float> Attended { get; } = new(accelerator);        // [rows, H·d]
    public DeviceBuffer<float> Activated { get; } = new(accelerator);       // SwiGLU(gate, up) [rows, F]
    public DeviceBuffer<float> Cos { get; } = new(accelerator);             // [rows, d/2] at the rows' positions
    public DeviceBuffer<float> Sin { get; } = new(accelerator);             // [rows, d/2]
    public DeviceBuffer<float> AttentionNorm { get; } = new(accelerator);   // [D]
    public DeviceBuffer<float> FeedForwardNorm { get; } = new(accelerator); // [D]
    public DeviceBuffer<float> QueryBias { get; } = new(accelerator);       // [H·d] or empty
    public DeviceBuffer<float> KeyBias { get; } = new(accelerator);         // [K·d] or empty
    public DeviceBuffer<float> ValueBias { get; } = new(accelerator);       // [K·d] or empty

    public void Dispose()
    {
        foreach (DeviceBuffer<float> buffer in (DeviceBuffer<float>[])[
            Residual, Normed, InverseRms, Query, Key, Value, Attended, Activated, Cos, Sin, AttentionNorm, FeedForwardNorm, QueryBias, KeyBias, ValueBias])
        {
            buffer.Dispose();
        }
    }
}
