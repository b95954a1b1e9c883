using System.Globalization;
using System.Text;
using Dllm.Generators.Model;
using Dllm.Kernels.Specialization;
using Microsoft.CodeAnalysis.CSharp;

namespace Dllm.Generators.Emit;

/// <summary>
/// Emits one config's class: every dimension as a constant, the shape, its fingerprint, the shape as a
/// struct of static constants (<c>StaticShape</c>, which the backends' fused kernels are instantiated
/// over) and its table entry, which hands that struct to a backend's visitor without reflection.
/// </summary>
internal static class SpecializationEmitter
{
    public static string HintName(Specialization specialization) => $"{specialization.ClassName}.g.cs";

    public static string Emit(Specialization specialization)
    {
        ModelShape shape = specialization.Shape;
        string name = specialization.ClassName;
        var source = new StringBuilder(GeneratedSource.Header(specialization.ConfigFile));
        source.Append($$"""
            /// <summary>The shape of {{specialization.ConfigFile}} (model_type "{{specialization.ModelType}}"), as compile-time constants.</summary>
            public sealed partial class {{name}}
            {
                public const string ConfigFile = {{Literal(specialization.ConfigFile)}};
                public const string ModelType = {{Literal(specialization.ModelType)}};
                public const int HiddenSize = {{Literal(shape.HiddenSize)}};
                public const int NumLayers = {{Literal(shape.NumLayers)}};
                public const int NumHeads = {{Literal(shape.NumHeads)}};
                public const int NumKvHeads = {{Literal(shape.NumKvHeads)}};
                public const int HeadDim = {{Literal(shape.HeadDim)}};
                public const int IntermediateSize = {{Literal(shape.IntermediateSize)}};
                public const int VocabSize = {{Literal(shape.VocabSize)}};
                public const bool QkvBias = {{(shape.QkvBias ? "true" : "false")}};
                public const float RopeTheta = {{Literal(shape.RopeTheta)}};
                public const float RmsNormEps = {{Literal(shape.RmsNormEps)}};

                /// <summary>The fingerprint of <see cref="Shape"/>, computed when this file was generated.</summary>
                public const ulong Fingerprint = 0x{{shape.Fingerprint.ToString("X16", CultureInfo.InvariantCulture)}}UL;

                public static {{GeneratedSource.ShapeTypes}}.ModelShape Shape { get; } = new(
                    HiddenSize, NumLayers, NumHeads, NumKvHeads, IntermediateSize, VocabSize, QkvBias, RopeTheta, RmsNormEps);

                public static {{GeneratedSource.ShapeTypes}}.SpecializationEntry Entry { get; } = new ShapeEntry();

                /// <summary>The shape as type-level constants: the backends' fused kernels are compiled over it.</summary>
                public readonly struct StaticShape : {{GeneratedSource.ShapeTypes}}.IStaticModelShape
                {
                    static int {{GeneratedSource.ShapeTypes}}.IStaticModelShape.HiddenSize => HiddenSize;
                    static int {{GeneratedSource.ShapeTypes}}.IStaticModelShape.NumHeads => NumHeads;
                    static int {{GeneratedSource.ShapeTypes}}.IStaticModelShape.NumKvHeads => NumKvHeads;
                    static int {{GeneratedSource.ShapeTypes}}.IStaticModelShape.HeadDim => HeadDim;
                    static int {{GeneratedSource.ShapeTypes}}.IStaticModelShape.IntermediateSize => IntermediateSize;
                    static bool {{GeneratedSource.ShapeTypes}}.IStaticModelShape.QkvBias => QkvBias;
                    static float {{GeneratedSource.ShapeTypes}}.IStaticModelShape.RmsNormEps => RmsNormEps;
                    static {{GeneratedSource.ShapeTypes}}.ModelShape {{GeneratedSource.ShapeTypes}}.IStaticModelShape.Shape => {{name}}.Shape;
                }

                private sealed record ShapeEntry() : {{GeneratedSource.ShapeTypes}}.SpecializationEntry(nameof({{name}}), {{name}}.ConfigFile, {{name}}.Shape)
                {
                    public override TResult Accept<TResult>({{GeneratedSource.ShapeTypes}}.IShapeVisitor<TResult> visitor) => visitor.Visit<StaticShape>();
                }
            }

            """);
        return source.ToString();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

    // "R" round-trips the float exactly; validation already excluded NaN and infinities.
    private static string Literal(float value) => value.ToString("R", CultureInfo.InvariantCulture) + "F";
}
