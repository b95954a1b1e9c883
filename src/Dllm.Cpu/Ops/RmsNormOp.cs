using Dllm.Cpu.Simd;
using Dllm.Cpu.Threading;
using Dllm.Kernels;

namespace Dllm.Cpu.Ops;

/// <summary>y [rows, D] = RMSNorm(x [rows, D]) · weight [D]; y may alias x.</summary>
internal static unsafe class RmsNormOp<TVec> where TVec : struct, IFloatVector<TVec>
{
    public static void Run(WorkerPool pool, ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float eps, Span<float> y)
    {
        int rows = OpShapeChecks.RmsNormRows(x, weight, y);
        fixed (float* xPointer = x, weightPointer = weight, yPointer = y)
        {
            pool.Run(rows, new RmsNormJob<TVec>(xPointer, weightPointer, weight.Length, eps, yPointer));
        }
    }
}
