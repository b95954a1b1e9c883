using Dllm.Core.Dtypes;
using Dllm.Core.Errors;
using Dllm.Core.Tensors;

namespace Dllm.Core.SafeTensors;

/// <summary>
/// Named f32 or bf16 tensors in aligned native memory, for weights that never touched a file
/// (random initialisation, training). Owns and frees its buffers.
/// </summary>
public sealed unsafe class InMemoryWeights : IWeightSource
{
    private const string SourceName = "in-memory weights";
    private readonly Dictionary<string, (NativeBuffer<byte> Buffer, DType DType, long[] Shape)> _tensors = new(StringComparer.Ordinal);

    /// <summary>Adds a tensor of <paramref name="dtype"/> (F32 or BF16) and returns its zeroed bytes to fill.</summary>
    public Span<byte> Add(string name, DType dtype, params long[] shape)
    {
        if (dtype is not (DType.F32 or DType.BF16))
        {
            throw new ArgumentException($"In-memory weights are F32 or BF16, not {dtype}.", nameof(dtype));
        }
        long bytes = shape.Aggregate(1L, (a, b) => a * b) * dtype.SizeInBytes();
        var buffer = new NativeBuffer<byte>(bytes);
        _tensors.Add(name, (buffer, dtype, shape));
        return buffer.Span;
    }

    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>
    /// Every floating-point tensor of <paramref name="checkpoint"/> copied into memory (F16 widened to F32,
    /// as the kernels see it): the same weights, read from anonymous memory instead of the file mapping.
    /// </summary>
    public static InMemoryWeights CopyOf(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var copy = new InMemoryWeights();
        try
        {
            foreach (TensorEntry entry in checkpoint.Tensors.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                if (entry.DType is not (DType.F32 or DType.BF16 or DType.F16))
                {
                    continue;
                }
                WeightData data = checkpoint.Weights(entry.Name);
                Span<byte> bytes = copy.Add(entry.Name, data.DType, entry.Shape);
                new ReadOnlySpan<byte>(data.Data, bytes.Length).CopyTo(bytes);
            }
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Adds every tensor to <paramref name="writer"/>, in name order (as Hugging Face writes them).</summary>
    public void AddTo(SafeTensorsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (name, (buffer, dtype, shape)) in _tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.Add(name, dtype, shape, buffer.Span);
        }
    }

    public WeightData Weights(string name, params long[] shape)
    {
        var (buffer, dtype, _) = Find(name, shape);
        return new WeightData(buffer.Pointer, dtype);
    }

    public float[] ReadFloats(string name, params long[] shape)
    {
        var (buffer, dtype, _) = Find(name, shape);
        ReadOnlySpan<byte> bytes = buffer.Span;
        if (dtype == DType.F32)
        {
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        }
        ReadOnlySpan<ushort> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes);
        var values = new float[bits.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BFloat16Bits.ToSingle(bits[i]);
        }
        return values;
    }

    private (NativeBuffer<byte> Buffer, DType DType, long[] Shape) Find(string name, long[] shape)
    {
        if (!_tensors.TryGetValue(name, out var tensor))
        {
            throw new MissingTensorException(SourceName, name, "not present");
        }
        if (!tensor.Shape.SequenceEqual(shape))
        {
            throw new TensorShapeException(SourceName, name, $"expected shape {ShapeText.Format(shape)}, found {ShapeText.Format(tensor.Shape)}");
        }
        return tensor;
    }

    public void Dispose()
    {
        foreach (var tensor in _tensors.Values)
        {
            tensor.Buffer.Dispose();
        }
        _tensors.Clear();
    }
}
