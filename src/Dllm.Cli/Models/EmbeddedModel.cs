using System.Reflection;
using System.Security.Cryptography;
using Dllm.Core.Errors;

namespace Dllm.Cli.Models;

/// <summary>
/// The small model built into the dllm binary (a Hugging Face folder stored as resources), used when
/// no --model is given. The engine memory-maps model folders, so the files are written once to a
/// cache folder named after their content (<c>DLLM_CACHE</c>, else the user's local data folder) and
/// loaded from there; a newer binary with other weights gets a folder of its own.
/// </summary>
public static class EmbeddedModel
{
    private const string ResourcePrefix = "EmbeddedModel/";
    private static readonly string[] Files = ["config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"];

    /// <summary>The folder holding the embedded model's files, written on first use under <paramref name="cacheRoot"/> (default: see the class summary).</summary>
    public static string Directory(string? cacheRoot = null)
    {
        Assembly assembly = typeof(EmbeddedModel).Assembly;
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string file in Files)
        {
            using Stream stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new InvalidRequestException("This dllm build has no embedded model; pass --model DIR (a Hugging Face model folder).");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            contents[file] = bytes;
        }
        string folder = Path.Combine(cacheRoot ?? CacheRoot(), "embedded-" + Fingerprint(contents));
        if (!IsComplete(folder, contents))
        {
            Write(folder, contents);
        }
        return folder;
    }

    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable("DLLM_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data
                ? data
                : Path.GetTempPath(), "dllm");

    private static string Fingerprint(Dictionary<string, byte[]> contents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Files)
        {
            hash.AppendData(contents[file]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static bool IsComplete(string folder, Dictionary<string, byte[]> contents) =>
        Files.All(file => new FileInfo(Path.Combine(folder, file)) is { Exists: true } info && info.Length == contents[file].Length);

    /// <summary>Writes into a private temporary folder, then renames it into place, so a concurrent run never sees half a model.</summary>
    private static void Write(string folder, Dictionary<string, byte[]> contents)
    {
        string staging = $"{folder}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}";
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            foreach ((string file, byte[] bytes) in contents)
            {
                File.WriteAllBytes(Path.Combine(staging, file), bytes);
            }
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true); // an incomplete earlier copy
            }
            System.IO.Directory.Move(staging, folder);
        }
        catch (IOException) when (IsComplete(folder, contents))
        {
            // Another process put a complete copy in place first.
        }
        finally
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }
    }
}
