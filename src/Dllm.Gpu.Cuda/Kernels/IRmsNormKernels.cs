namespace Dllm.Gpu.Kernels;

/// <summary>The two RMSNorm kernels on a backend's own float views; <see cref="RmsNormLaunches"/> sequences them.</summary>
public interface IRmsNormKernels<TFloats>
{
    /// <summary>Device scratch for one inverse RMS a row.</summary>
    TFloats InverseRmsScratch(int rows);

    /// <summary>Kernel rmsnorm_inverse_rms: one inverse RMS a row of <paramref name="x"/>.</summary>
    void InverseRms(WorkRange rows, TFloats x, int columns, float eps, TFloats inverseRms);

    /// <summary>Kernel rmsnorm_scale: y = weight · x · inverse RMS of its row, one element a result.</summary>
    void Scale(WorkRange elements, TFloats x, TFloats weight, TFloats inverseRms, TFloats y);
}
