namespace Dllm.Kernels.Specialization;

/// <summary>
/// The architecture facts a fused denoising step is specialized on. The model family is not part of
/// it: LLaDA and Dream run the same forward pass, and differ only in decoding policy.
/// </summary>
/// <remarks>
/// This file is compiled into both the engine and the source generator, so the generator's constants
/// and the shape the engine computes at load come from one definition.
/// </remarks>
public readonly partial record struct ModelShape(
    int HiddenSize,
    int NumLayers,
    int NumHeads,
    int NumKvHeads,
    int IntermediateSize,
    int VocabSize,
    bool QkvBias,
    float RopeTheta,
    float RmsNormEps)
{
    public int HeadDim => HiddenSize / NumHeads;

    /// <summary>
    /// The fields a fused block depends on: all but the layer count and the vocabulary (the block never
    /// reads them; the embedding and the head stay generic). Shapes with equal blocks share kernels.
    /// A method, not a property: the record's ToString would print a property of its own type forever.
    /// </summary>
    public ModelShape BlockShape() => this with { NumLayers = 0, VocabSize = 0 };

    /// <summary>The key of this shape in the generated specialization table.</summary>
    public ulong Fingerprint => ShapeFingerprint.Of(this);
}
