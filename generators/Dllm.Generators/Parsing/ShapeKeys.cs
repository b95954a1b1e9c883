namespace Dllm.Generators.Parsing;

/// <summary>The config.json key behind each shape field, for messages and for locating the value.</summary>
internal sealed record ShapeKeys(
    string HiddenSize,
    string NumLayers,
    string NumHeads,
    string NumKvHeads,
    string IntermediateSize,
    string VocabSize,
    string RopeTheta,
    string RmsNormEps);
