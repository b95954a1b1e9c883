using Dllm.Cpu;
using Dllm.Kernels;
using Dllm.Kernels.Specialization;
using Dllm.Specializations;
using Dllm.Tests.Gpu;

namespace Dllm.Tests.Specialization;

/// <summary>
/// What every backend's fused step refuses before it runs (<see cref="FusedStepChecks"/>): a residual that is
/// not one hidden row per position, weights of another shape, positions beyond the RoPE table; and, on the
/// ILGPU step, whose kernels are compiled per weight type, a block that mixes f32 and bf16 matrices.
/// </summary>
public sealed class FusedStepOperandTests : IDisposable
{
    private const int D = LladaTiny.HiddenSize, F = LladaTiny.IntermediateSize;
    private const string Cpu = "cpu", Ilgpu = "ilgpu";

    private readonly List<OwnedWeightMatrix> _matrices = [];
    private readonly RopeTable _rope = new(LladaTiny.RopeTheta, LladaTiny.HeadDim);

    public FusedStepOperandTests() => _rope.EnsureCapacity(4);

    public static TheoryData<string> Backends => new([Cpu, Ilgpu]);

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_residual_that_is_not_a_hidden_row_per_position_is_refused(string backend) =>
        AssertRefused<ArgumentException>(backend, Layer(WeightType.F32), residualRows: 3, positions: [0, 1], "residual");

    [Theory]
    [MemberData(nameof(Backends))]
    public void Weights_of_another_shape_are_refused_naming_the_weight(string backend) =>
        AssertRefused<ArgumentException>(backend, Layer(WeightType.F32, upRows: F + 1), residualRows: 2, positions: [0, 1], "up weight");

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_position_beyond_the_rope_table_is_refused(string backend) =>
        AssertRefused<ArgumentOutOfRangeException>(backend, Layer(WeightType.F32), residualRows: 2, positions: [0, 4], "EnsureCapacity");

    [Fact]
    public void The_ilgpu_step_refuses_a_block_that_mixes_weight_types() =>
        AssertRefused<ArgumentException>(Ilgpu, Layer(WeightType.F32, downType: WeightType.BF16), residualRows: 2, positions: [0, 1], "mixes F32 and BF16");

    public void Dispose()
    {
        foreach (OwnedWeightMatrix matrix in _matrices)
        {
            matrix.Dispose();
        }
    }

    private void AssertRefused<TException>(string backendName, LayerWeights weights, int residualRows, int[] positions, string expected)
        where TException : ArgumentException
    {
        using IBackend backend = backendName == Ilgpu ? TestGpuDevices.CpuAcceleratorBackend() : new CpuBackend(CpuPaths.Best, threads: 1);
        using IFusedDenoiseStep step = backend.Specialize(LladaTiny.Shape)!;
        var residual = new float[residualRows * D];
        SequenceSlice[] sequences = [new(0, positions.Length)];

        var error = Assert.Throws<TException>(() => step.Block(residual, weights, positions, sequences, _rope));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private LayerWeights Layer(WeightType type, int upRows = F, WeightType? downType = null) => new()
    {
        AttentionNorm = new float[D],
        Query = Matrix(type, D, D),
        Key = Matrix(type, D, D),
        Value = Matrix(type, D, D),
        QueryBias = [],
        KeyBias = [],
        ValueBias = [],
        AttentionOutput = Matrix(type, D, D),
        FeedForwardNorm = new float[D],
        Gate = Matrix(type, F, D),
        Up = Matrix(type, upRows, D),
        Down = Matrix(downType ?? type, D, F),
    };

    private WeightMatrix Matrix(WeightType type, int rows, int cols)
    {
        var matrix = new OwnedWeightMatrix(new float[rows * cols], type, rows, cols);
        _matrices.Add(matrix);
        return matrix.Matrix;
    }
}
