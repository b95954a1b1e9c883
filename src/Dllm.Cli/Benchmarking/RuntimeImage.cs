using System.Runtime;

namespace Dllm.Cli.Benchmarking;

/// <summary>Which build of dllm is running: the JIT one, or a Native AOT image.</summary>
public static class RuntimeImage
{
    /// <summary>
    /// "jit" or "native-aot". (RuntimeFeature.IsDynamicCodeCompiled cannot tell: a PublishAot project
    /// turns dynamic code off in its JIT builds too. A Native AOT image compiles no method at run time.)
    /// </summary>
    public static string Describe() => JitInfo.GetCompiledMethodCount() > 0 ? "jit" : "native-aot";
}
