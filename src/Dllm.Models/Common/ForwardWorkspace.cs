using Dllm.Core.Config;
using Dllm.Core.Tensors;

namespace Dllm.Models.Common;

/// <summary>
/// Activation buffers for one forward call over T packed token rows, reused across calls and
/// grown when a larger batch arrives. A model whose blocks run a fused step (which keeps its own
/// intermediates) needs only the residual.
/// </summary>
internal sealed class ForwardWorkspace : IDisposable
{
    private readonly TransformerConfig _config;
    private readonly bool _residualOnly;
    private NativeBuffer<float>[] _buffers = [];

    public ForwardWorkspace(TransformerConfig config, bool residualOnly = false)
    {
        _config = config;
        _residualOnly = residualOnly;
    }

    public int Rows { get; private set; }

    public Span<float> Residual => Buffer(0, _config.HiddenSize);                        // [T, D]
    public Span<float> Normed => Buffer(1, _config.HiddenSize);                          // [T, D]
    public Span<float> Query => Buffer(2, _config.NumHeads * _config.HeadDim);           // [T, H·d]
    public Span<float> Key => Buffer(3, _config.NumKvHeads * _config.HeadDim);           // [T, K·d]
    public Span<float> Value => Buffer(4, _config.NumKvHeads * _config.HeadDim);         // [T, K·d]
    public Span<float> Attended => Buffer(5, _config.NumHeads * _config.HeadDim);        // [T, H·d]
    public Span<float> Projected => Buffer(6, _config.HiddenSize);                       // [T, D]
    public Span<float> Gate => Buffer(7, _config.IntermediateSize);                      // [T, F]
    public Span<float> Up => Buffer(8, _config.IntermediateSize);                        // [T, F]

    public void EnsureRows(int rows)
    {
        if (rows <= Rows)
        {
            return;
        }
        Dispose();
        int[] widths =
        [
            _config.HiddenSize, _config.HiddenSize, _config.NumHeads * _config.HeadDim,
            _config.NumKvHeads * _config.HeadDim, _config.NumKvHeads * _config.HeadDim,
            _config.NumHeads * _config.HeadDim, _config.HiddenSize, _config.IntermediateSize,
            _config.IntermediateSize,
        ];
        _buffers = widths.Take(_residualOnly ? 1 : widths.Length).Select(width => new NativeBuffer<float>((long)rows * width)).ToArray();
        Rows = rows;
    }

    public void Dispose()
    {
        foreach (NativeBuffer<float> buffer in _buffers)
        {
            buffer.Dispose();
        }
        _buffers = [];
        Rows = 0;
    }

    private Span<float> Buffer(int index, int width) => _buffers[index].Slice(0, ActiveRows * width);

    /// <summary>Rows of the call in progress (buffers may be larger).</summary>
    public int ActiveRows { get; set; }
}
