using System.Runtime.InteropServices;

namespace Dllm.Cli.Images;

/// <summary>
/// Start-up choice of image: the x86-64-v3 image replaces itself (execv, same arguments and environment)
/// with the AVX-512 image beside it when that file exists and the processor and kernel enable AVX-512;
/// <c>DLLM_IMAGE=x86-64-v3</c> keeps the running one. Linux only: elsewhere the running image stays
/// (Windows has no exec; a child process would change what a caller's signals and exit codes mean).
/// </summary>
public static partial class ImageLauncher
{
    public const string EnvironmentVariable = "DLLM_IMAGE";

    /// <summary>What x86-64-v4 requires of the processor, as Linux's /proc/cpuinfo names the flags it enabled.</summary>
    private static readonly string[] Avx512Flags = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"];

    /// <summary>Returns only when the running image stays (or the exec failed, in which case it runs on).</summary>
    public static void ReplaceWithBestImage(string[] args)
    {
        if (NativeImage.InstructionSet is not ("x86-64-v3" or "x86-64") || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(EnvironmentVariable) == NativeImage.InstructionSet)
        {
            return;
        }
        string? self = Environment.ProcessPath;
        string? avxImage = self is null ? null : Path.Combine(Path.GetDirectoryName(self)!, NativeImage.AvxImageFileName);
        if (avxImage is null || !File.Exists(avxImage) || !ProcessorHasAvx512())
        {
            return;
        }
        Exec(avxImage, args);
    }

    /// <summary>Whether the kernel reports every AVX-512 flag x86-64-v4 needs (it clears them when it does not save the AVX-512 state).</summary>
    public static bool ProcessorHasAvx512()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("flags", StringComparison.Ordinal))
                {
                    var flags = new HashSet<string>(line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
                    return Avx512Flags.All(flags.Contains);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return false;
    }

    private static unsafe void Exec(string path, string[] args)
    {
        var argv = new nint[args.Length + 2]; // [path, args..., null]
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (int i = 0; i < args.Length; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }
            fixed (nint* pointers = argv)
            {
                ExecV(path, pointers); // returns only on failure: then this image runs on
            }
        }
        finally
        {
            foreach (nint pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int ExecV(string path, nint* argv);
}
