using Dllm.Gpu.Cuda.Driver;
using Dllm.Gpu.Kernels;

namespace Dllm.Gpu.Cuda.Ops;

/// <summary>
/// Attention over packed sequences in three launches (attention_scores, attention_softmax,
/// attention_weighted_values); <see cref="AttentionPasses"/> drives them.
/// </summary>
internal sealed class CudaAttentionOp(CudaContext context, CudaKernels kernels) : IAttentionDevice
{
    private readonly CudaBuffer<float> _q = new(context);
    private readonly CudaBuffer<float> _k = new(context);
    private readonly CudaBuffer<float> _v = new(context);
    private readonly CudaBuffer<float> _output = new(context);
    private readonly CudaBuffer<int> _rows = new(context);
    private readonly CudaBuffer<byte> _masks = new(context);
    private readonly CudaBuffer<float> _scores = new(context);
    private readonly CudaBuffer<float> _sums = new(context);

    // The views the launches of one call share.
    private DeviceView<int> _workRows;
    private DeviceView<float> _workScores;
    private DeviceView<float> _workSums;
    private DeviceView<float> _result;

    public void Scores(WorkRange range, AttentionLayout layout, ReadOnlySpan<int> rows, ReadOnlySpan<byte> masks, ReadOnlySpan<float> q, ReadOnlySpan<float> k)
    {
        _workRows = _rows.Upload(rows);
        DeviceView<byte> deviceMasks = _masks.Upload(masks);
        _workScores = _scores.View(range.Count);
        kernels["attention_scores"].Start(range).Add(layout).Add(_workRows).Add(deviceMasks).Add(_q.Upload(q)).Add(_k.Upload(k)).Add(_workScores).Launch();
    }

    public void Softmax(WorkRange tasks, AttentionLayout layout)
    {
        _workSums = _sums.View(tasks.Count);
        kernels["attention_softmax"].Start(tasks).Add(layout).Add(_workRows).Add(_workScores).Add(_workSums).Launch();
    }

    public void WeightedValues(WorkRange range, AttentionLayout layout, ReadOnlySpan<float> v, int outputLength)
    {
        _result = _output.View(outputLength);
        kernels["attention_weighted_values"].Start(range).Add(layout).Add(_workRows).Add(_workScores).Add(_workSums).Add(_v.Upload(v)).Add(_result).Launch();
    }

    public void DownloadOutput(int start, Span<float> destination) => _result.Slice(start, destination.Length).CopyTo(destination);

    public void Dispose()
    {
        _q.Dispose();
        _k.Dispose();
        _v.Dispose();
        _output.Dispose();
        _rows.Dispose();
        _masks.Dispose();
        _scores.Dispose();
        _sums.Dispose();
    }
}
