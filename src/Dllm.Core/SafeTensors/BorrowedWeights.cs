namespace Dllm.Core.SafeTensors;

/// <summary>
/// A view of weights that does not own them: models take ownership of their <see cref="IWeightSource"/>,
/// and this lets several models (for example specialized and generic kernels compared on one set of
/// random weights) read one source that outlives them all.
/// </summary>
public sealed class BorrowedWeights(IWeightSource inner) : IWeightSource
{
    public WeightData Weights(string name, params long[] shape) => inner.Weights(name, shape);

    public float[] ReadFloats(string name, params long[] shape) => inner.ReadFloats(name, shape);

    /// <summary>Does nothing: the lender disposes the weights.</summary>
    public void Dispose()
    {
    }
}
