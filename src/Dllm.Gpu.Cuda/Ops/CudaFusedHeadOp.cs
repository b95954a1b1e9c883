using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>
/// Final norm → LM head → row statistics on the device (rmsnorm, matmul, rowstats_top2,
/// rowstats_exp_terms, rowstats_finish); <see cref="FusedHeadPasses{TMatrix}"/> drives the chunks.
/// </summary>
internal sealed class CudaFusedHeadOp(CudaContext context, CudaKernels kernels, CudaRmsNormOp rmsNorm, CudaMatMulOp matMul) : IFusedHeadDevice<CudaMatrix>
{
    private readonly CudaBuffer<float> _hidden = new(context);
    private readonly CudaBuffer<float> _normWeight = new(context);
    private readonly CudaBuffer<float> _normed = new(context);
    private readonly CudaBuffer<float> _logits = new(context);
    private readonly CudaBuffer<int> _top = new(context);
    private readonly CudaBuffer<double> _terms = new(context);
    private readonly CudaBuffer<float> _values = new(context);

    // The call's uploaded norm weight and the current chunk's scratch views.
    private DeviceView<float> _weight;
    private DeviceView<float> _chunkLogits;
    private DeviceView<int> _chunkTop;
    private DeviceView<double> _chunkTerms;
    private DeviceView<float> _chunkValues;

    public void UploadNormWeight(ReadOnlySpan<float> normWeight) => _weight = _normWeight.Upload(normWeight);

    public void NormAndProject(CudaMatrix head, ReadOnlySpan<float> hidden, int rows, float eps)
    {
        DeviceView<float> normed = _normed.View((long)rows * head.Cols);
        _chunkLogits = _logits.View((long)rows * head.Rows);
        rmsNorm.Launch(_hidden.Upload(hidden), _weight, eps, rows, normed);
        matMul.Launch(normed, head, DeviceView<float>.Empty, rows, _chunkLogits);
    }

    public void Top2(WorkRange rows, int vocabulary)
    {
        _chunkTop = _top.View(2L * rows.Count);
        kernels["rowstats_top2"].Start(rows).Add(_chunkLogits).Add(vocabulary).Add(_chunkTop).Launch();
    }

    public void ExpTerms(WorkRange logits, int vocabulary)
    {
        _chunkTerms = _terms.View(logits.Count);
        kernels["rowstats_exp_terms"].Start(logits).Add(_chunkLogits).Add(vocabulary).Add(_chunkTop).Add(_chunkTerms).Launch();
    }

    public void Finish(WorkRange rows, int vocabulary)
    {
        _chunkValues = _values.View(3L * rows.Count);
        kernels["rowstats_finish"].Start(rows).Add(_chunkLogits).Add(vocabulary).Add(_chunkTop).Add(_chunkTerms).Add(_chunkValues).Launch();
    }

    public void DownloadChunk(Span<int> top, Span<float> values, Span<float> logits)
    {
        _chunkTop.CopyTo(top);
        _chunkValues.CopyTo(values);
        _chunkLogits.CopyTo(logits);
    }

    public void Dispose()
    {
        _hidden.Dispose();
        _normWeight.Dispose();
        _normed.Dispose();
        _logits.Dispose();
        _top.Dispose();
        _terms.Dispose();
        _values.Dispose();
    }
}
