using System.Reflection;
using System.Text.RegularExpressions;
using Dllm.Gpu.Cuda.Ptx;
using Dllm.Gpu.Kernels;
using Dllm.Gpu.Ptx;
using ILGPU;

namespace Dllm.Tests.Gpu;

/// <summary>The PTX Dllm.Gpu.Cuda embeds: one module per kernel, current, and laid out as PtxBackend passes its parameters.</summary>
public sealed partial class EmbeddedPtxTests
{
    [Fact]
    public void Every_catalogued_kernel_is_embedded_and_nothing_else()
    {
        Assert.Equal(PtxKernelCatalog.All.Select(kernel => kernel.Name).Order(StringComparer.Ordinal), EmbeddedPtx.Names);
        Assert.Equal(EmbeddedPtx.Names, EmbeddedPtx.LoadAll().Select(module => module.Name));
    }

    [Fact]
    public void Each_module_is_PTX_for_sm_60_with_one_entry_named_after_its_kernel()
    {
        foreach (var (name, method) in PtxKernelCatalog.All)
        {
            string ptx = EmbeddedPtx.Read(name);
            Assert.Matches(@"(?m)^\.version \d+\.\d+$", ptx);
            Assert.Contains(".target sm_60", ptx);
            Assert.Contains(".address_size 64", ptx);
            Assert.Single(Regex.Matches(ptx, @"\.entry\s"));
            Assert.Equal("Kernel_" + method.Name, PtxEntry.Parse(ptx).Name);
            Assert.Equal(ptx.Count(c => c == '{'), ptx.Count(c => c == '}'));
        }
    }

    [Fact]
    public void Entry_parameters_are_the_kernel_parameters_as_PtxBackend_packs_them()
    {
        foreach (var (name, method) in PtxKernelCatalog.All)
        {
            int[] expected = [.. method.GetParameters().Select(parameter => PackedSize(parameter.ParameterType))];
            Assert.True(expected.SequenceEqual(PtxEntry.Parse(EmbeddedPtx.Read(name)).ParameterSizes), name);
        }
    }

    /// <summary>
    /// The tiled matmul is launched in explicit groups with no dynamic shared memory (cuLaunchKernel's
    /// sharedMemBytes is 0), so its staging must be declared statically in the PTX, and it takes no thread count.
    /// </summary>
    [Fact]
    public void The_tiled_matmul_declares_its_shared_memory_statically_and_takes_no_thread_count()
    {
        foreach (string name in new[] { "matmul_f32", "matmul_bf16" })
        {
            string ptx = EmbeddedPtx.Read(name);
            Assert.Matches(@"(?m)^\s*\.shared\s+\.align\s+\d+\s+\.b8\s+\w+\[\d+\];", ptx);
            Assert.DoesNotContain("extern .shared", ptx);
            Assert.Contains("bar.sync", ptx);
            Assert.Equal([16, 16, 16, 4, 4, 4, 16], PtxEntry.Parse(ptx).ParameterSizes);
        }
    }

    /// <summary>
    /// ILGPU numbers the names it generates (parameters, labels, helper functions) from counters that
    /// depend on what the process compiled before; tools/PtxCompiler runs in a fresh process, this test
    /// does not. So the texts are compared up to a consistent renaming of numbered names.
    /// </summary>
    [Fact]
    public void Regenerating_the_PTX_gives_the_committed_text()
    {
        var compiled = PtxKernels.CompileAll();
        foreach (var (name, ptx) in compiled)
        {
            Assert.True(Canonical(ptx) == Canonical(EmbeddedPtx.Read(name)), $"{name}.ptx is stale: run tools/PtxCompiler from the repository root and commit the result.");
        }
        Assert.Equal(EmbeddedPtx.FormatManifest(compiled), EmbeddedPtx.Manifest);
    }

    /// <summary>Each distinct numbered name renumbered in order of first use: equal results mean equal code up to renaming.</summary>
    private static string Canonical(string ptx)
    {
        var names = new Dictionary<string, string>();
        return NumberedName().Replace(ptx, match =>
        {
            if (!names.TryGetValue(match.Value, out string? renamed))
            {
                renamed = $"{match.Groups["stem"].Value}#{names.Count}";
                names[match.Value] = renamed;
            }
            return renamed;
        });
    }

    [GeneratedRegex(@"\b(?<stem>[A-Za-z_][A-Za-z0-9_]*?)\d+\b")]
    private static partial Regex NumberedName();

    /// <summary>
    /// The bytes PtxBackend passes for a kernel parameter: the thread count (Index1D) is one int; views and
    /// the weight structs that wrap one are a device pointer and a 64-bit length; other structs are their fields.
    /// </summary>
    private static unsafe int PackedSize(Type type) =>
        type == typeof(Index1D) ? sizeof(int)
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ArrayView<>) ? 16
        : typeof(IDeviceWeights).IsAssignableFrom(type) ? 16
        : type == typeof(WorkRange) ? sizeof(WorkRange)
        : type == typeof(AttentionLayout) ? sizeof(AttentionLayout)
        : type == typeof(int) || type == typeof(float) ? 4
        : throw new ArgumentException($"No packing rule for {type}.");
}
