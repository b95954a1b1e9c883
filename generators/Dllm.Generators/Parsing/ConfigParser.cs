using Dllm.Generators.Diagnostics;
using Dllm.Generators.Json;
using Dllm.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace Dllm.Generators.Parsing;

/// <summary>One config.json to a specialization, or to the diagnostic that explains why there is none.</summary>
internal static class ConfigParser
{
    private static readonly string SupportedModelTypes = $"\"{LladaShape.ModelType}\", \"{DreamShape.ModelType}\"";

    /// <param name="text">The file's text, or null when it could not be read.</param>
    public static ConfigParseResult Parse(string path, SourceText? text)
    {
        string fileName = Path.GetFileName(path);
        if (text is null)
        {
            return ConfigParseResult.Rejected(new DiagnosticInfo(GeneratorDiagnostics.MalformedJson, path, default, default,
                new EquatableArray<string>([fileName, "the file could not be read"])));
        }
        string source = text.ToString();
        JsonValue root;
        try
        {
            root = JsonReader.Parse(source);
        }
        catch (JsonSyntaxException ex)
        {
            return ConfigParseResult.Rejected(DiagnosticInfo.Create(
                GeneratorDiagnostics.MalformedJson, path, text, new TextSpan(ex.Offset, 0), fileName, ex.Message));
        }
        try
        {
            var config = new ConfigKeyReader(root, path, text, source);
            string modelType = config.RequireString("model_type");
            ShapeReading reading = modelType switch
            {
                LladaShape.ModelType => LladaShape.Read(config),
                DreamShape.ModelType => DreamShape.Read(config),
                _ => throw config.Error(GeneratorDiagnostics.UnknownModelType, "model_type", modelType, SupportedModelTypes),
            };
            ShapeRules.Validate(reading, config);
            FusedBlockFeatures.Require(config, modelType);
            return ConfigParseResult.Valid(new Specialization(ClassNames.FromFileName(fileName), fileName, path, modelType, reading.Shape));
        }
        catch (ConfigError error)
        {
            return ConfigParseResult.Rejected(error.Diagnostic);
        }
    }
}
