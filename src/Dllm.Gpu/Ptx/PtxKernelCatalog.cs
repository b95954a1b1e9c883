using System.Reflection;
using Dllm.Gpu.Kernels;

namespace Dllm.Gpu.Ptx;

/// <summary>
/// Every kernel the backends launch, by the name its precompiled PTX carries: the generic kernels once
/// per weight storage type, as ILGPU specializes them.
/// </summary>
public static class PtxKernelCatalog
{
    public static IReadOnlyList<(string Name, MethodInfo Method)> All { get; } =
    [
        ("matmul_f32", Generic(typeof(MatMulKernel), nameof(MatMulKernel.Multiply), typeof(F32DeviceWeights))),
        ("matmul_bf16", Generic(typeof(MatMulKernel), nameof(MatMulKernel.Multiply), typeof(Bf16DeviceWeights))),
        ("embedding_f32", Generic(typeof(EmbeddingKernel), nameof(EmbeddingKernel.Gather), typeof(F32DeviceWeights))),
        ("embedding_bf16", Generic(typeof(EmbeddingKernel), nameof(EmbeddingKernel.Gather), typeof(Bf16DeviceWeights))),
        ("rmsnorm_inverse_rms", Method(typeof(RmsNormKernels), nameof(RmsNormKernels.InverseRms))),
        ("rmsnorm_scale", Method(typeof(RmsNormKernels), nameof(RmsNormKernels.Scale))),
        ("rope_rotate_half", Method(typeof(RopeRotateHalfKernel), nameof(RopeRotateHalfKernel.Rotate))),
        ("attention_scores", Method(typeof(AttentionKernels), nameof(AttentionKernels.Scores))),
        ("attention_softmax", Method(typeof(AttentionKernels), nameof(AttentionKernels.Softmax))),
        ("attention_weighted_values", Method(typeof(AttentionKernels), nameof(AttentionKernels.WeightedValues))),
        ("swiglu", Method(typeof(ElementwiseKernels), nameof(ElementwiseKernels.SwiGlu))),
        ("add", Method(typeof(ElementwiseKernels), nameof(ElementwiseKernels.Add))),
        ("rowstats_top2", Method(typeof(RowStatisticsKernels), nameof(RowStatisticsKernels.Top2))),
        ("rowstats_exp_terms", Method(typeof(RowStatisticsKernels), nameof(RowStatisticsKernels.ExpTerms))),
        ("rowstats_finish", Method(typeof(RowStatisticsKernels), nameof(RowStatisticsKernels.Finish))),
    ];

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(type.Name, name);

    private static MethodInfo Generic(Type type, string name, Type weights) => Method(type, name).MakeGenericMethod(weights);
}
