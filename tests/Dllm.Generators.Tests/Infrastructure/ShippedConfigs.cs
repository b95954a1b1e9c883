using System.Text.Json;
using Dllm.Core.Config;
using Dllm.Models;
using Microsoft.CodeAnalysis;

namespace Dllm.Generators.Tests.Infrastructure;

/// <summary>The configs in the repository's src/Specializations, and the engine's reading of a config.</summary>
internal static class ShippedConfigs
{
    private static readonly Lazy<string> Repository = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FromScratch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("FromScratch.sln not found above the test binaries");
    });

    /// <summary>The folder holding FromScratch.sln.</summary>
    public static string RepositoryRoot => Repository.Value;

    private static string Folder => Path.Combine(RepositoryRoot, "src", "Specializations");

    public static IReadOnlyList<string> FileNames() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList();

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public static AdditionalText AsAdditionalText(string fileName) => TestConfigs.File(fileName, File.ReadAllText(PathOf(fileName)));

    /// <summary>A shipped config as the engine reads it when it loads a model.</summary>
    public static TransformerConfig ReadByEngine(string fileName) => ReadByEngine(File.ReadAllText(PathOf(fileName)), fileName);

    /// <summary>Config text as the engine reads it: its model_type picks the family, whose reader normalises it.</summary>
    public static TransformerConfig ReadByEngine(string json, string fileName)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        string modelType = document.RootElement.GetProperty("model_type").GetString()!;
        return ModelRegistry.Resolve(modelType, fileName).ParseConfig(document.RootElement, fileName);
    }
}
