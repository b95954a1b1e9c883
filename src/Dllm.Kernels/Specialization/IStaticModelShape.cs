namespace Dllm.Kernels.Specialization;

/// <summary>
/// A <see cref="ModelShape"/> as type-level constants. The generator emits one struct per config; kernels
/// generic over <c>TShape : struct, IStaticModelShape</c> are compiled once per struct, and the JIT folds
/// these members to constants, so loop bounds and buffer offsets are known at compile time.
/// </summary>
public interface IStaticModelShape
{
    static abstract int HiddenSize { get; }

    static abstract int NumHeads { get; }

    static abstract int NumKvHeads { get; }

    static abstract int HeadDim { get; }

    static abstract int IntermediateSize { get; }

    static abstract bool QkvBias { get; }

    static abstract float RmsNormEps { get; }

    /// <summary>The full shape, for checks at run time.</summary>
    static abstract ModelShape Shape { get; }
}
