using System.Runtime.CompilerServices;
using Dllm.Cpu.Simd;

namespace Dllm.Cpu.Ops;

/// <summary>How a <see cref="PanelTile"/> reads the packed weights: one vector of f32 lanes from element <c>index</c> of a panel row.</summary>
internal unsafe interface IPanelElements
{
    /// <summary>Bytes per weight.</summary>
    static abstract int Size { get; }

    static abstract T Load<T>(byte* panel, int index) where T : struct;
}

/// <summary>f32 weights, loaded as they are.</summary>
internal readonly unsafe struct F32PanelElements : IPanelElements
{
    public static int Size => sizeof(float);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load<T>(byte* panel, int index) where T : struct => NativeLanes.Load<T>((float*)panel + index);
}

/// <summary>bf16 weights, widened to f32 in the register (exact).</summary>
internal readonly unsafe struct Bf16PanelElements : IPanelElements
{
    public static int Size => sizeof(ushort);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load<T>(byte* panel, int index) where T : struct => NativeLanes.LoadWidenBf16<T>((ushort*)panel + index);
}
