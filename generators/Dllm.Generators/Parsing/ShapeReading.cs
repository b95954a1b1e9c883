using Dllm.Kernels.Specialization;

namespace Dllm.Generators.Parsing;

/// <summary>A family's config read into a shape, not yet validated, with the keys it came from.</summary>
internal sealed record ShapeReading(ModelShape Shape, ShapeKeys Keys);
