using Dllm.Core.SafeTensors;

namespace Dllm.Tests.Specialization;

/// <summary>Weights several models read without any of them disposing them (random 8B-width layers are slow to make).</summary>
internal sealed class BorrowedWeights(IWeightSource inner) : IWeightSource
{
    public WeightData Weights(string name, params long[] shape) => inner.Weights(name, shape);

    public float[] ReadFloats(string name, params long[] shape) => inner.ReadFloats(name, shape);

    public void Dispose()
    {
    }
}
