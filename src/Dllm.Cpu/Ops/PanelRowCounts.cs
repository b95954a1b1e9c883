namespace Dllm.Cpu.Ops;

/// <summary>How many activation rows one <see cref="PanelTile"/> pass covers, as a type so the JIT folds it to a constant.</summary>
internal interface IPanelRows
{
    static abstract int Count { get; }
}

internal readonly struct PanelRows1 : IPanelRows { public static int Count => 1; }
internal readonly struct PanelRows2 : IPanelRows { public static int Count => 2; }
internal readonly struct PanelRows3 : IPanelRows { public static int Count => 3; }
internal readonly struct PanelRows4 : IPanelRows { public static int Count => 4; }
internal readonly struct PanelRows5 : IPanelRows { public static int Count => 5; }
internal readonly struct PanelRows6 : IPanelRows { public static int Count => 6; }
internal readonly struct PanelRows7 : IPanelRows { public static int Count => 7; }
internal readonly struct PanelRows8 : IPanelRows { public static int Count => 8; }
internal readonly struct PanelRows9 : IPanelRows { public static int Count => 9; }
internal readonly struct PanelRows10 : IPanelRows { public static int Count => 10; }
internal readonly struct PanelRows11 : IPanelRows { public static int Count => 11; }
internal readonly struct PanelRows12 : IPanelRows { public static int Count => 12; }
