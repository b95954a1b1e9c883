namespace Dllm.Kernels.Specialization;

/// <summary>
/// Turns a generated shape struct into something a backend builds over it (its fused step) without
/// reflection: a <see cref="SpecializationEntry"/> calls <see cref="Visit{TShape}"/> with its own struct,
/// so each backend instantiates its generic kernels for exactly the shapes the generator emitted.
/// </summary>
public interface IShapeVisitor<out TResult>
{
    TResult Visit<TShape>() where TShape : struct, IStaticModelShape;
}
