namespace Dllm.Gpu.Kernels;

/// <summary>
/// Which W row output column c dots with: (c / Run) · Stride + c % Run + Offset. <see cref="Identity"/> is
/// row c; the rotated projection takes pair c of the heads' first halves (Run = HeadDim/2, Stride =
/// HeadDim) and, with Offset = HeadDim/2, its partner in the second halves.
/// </summary>
public readonly struct WeightRows(int run, int stride, int offset)
{
    private readonly int _run = run;
    private readonly int _stride = stride;
    private readonly int _offset = offset;

    public static WeightRows Identity => new(1, 1, 0);

    public int Of(int column)
    {
        int block = column / _run;
        return block * _stride + column - block * _run + _offset;
    }
}
