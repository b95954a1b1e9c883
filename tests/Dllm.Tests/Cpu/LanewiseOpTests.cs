using Dllm.Cpu;

namespace Dllm.Tests.Cpu;

/// <summary>
/// Ops with no reduction compute each element alone, so every vector width must give the same bits; in
/// particular the 16-lane exponential (run as two 8-lane halves for speed) is the 8-lane one.
/// </summary>
public sealed class LanewiseOpTests
{
    [CpuPathFact(CpuPath.Vector512)]
    public void SwiGlu_gives_the_same_bits_at_16_and_8_lanes()
    {
        // Gates across the exponential's whole range: underflow, overflow, zero, subnormal and ordinary values.
        var gates = new List<float> { 0f, -0f, 1e-40f, -1e-40f, 88.7f, -88.7f, 104f, -104f, 200f, -200f, float.MaxValue, float.MinValue };
        var random = new Random(11);
        while (gates.Count < 4099)
        {
            gates.Add((float)(random.NextDouble() * 60 - 30));
        }
        float[] up = gates.Select((_, i) => 0.5f + (i % 7)).ToArray();

        Assert.Equal(SwiGlu(CpuPath.Vector256, gates.ToArray(), up), SwiGlu(CpuPath.Vector512, gates.ToArray(), up));
    }

    private static float[] SwiGlu(CpuPath path, float[] gate, float[] up)
    {
        using var backend = new CpuBackend(path, threads: 2);
        var y = new float[gate.Length];
        backend.SwiGlu(gate, up, y);
        return y;
    }
}
