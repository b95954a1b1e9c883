using Dllm.Gpu.Cuda.Ptx;

namespace Dllm.Tests.Gpu;

public sealed class PtxEntryTests
{
    [Fact]
    public void Scalars_and_aligned_byte_arrays_are_sized_in_order()
    {
        const string ptx = """
            .version 6.0
            .target sm_60
            .visible .entry Kernel_Add(
            	.param .b32 _thread_1,
            	.param .align 4 .b8 _range_2[8],
            	.param .align 8 .b8 _x_3[16],
            	.param .f64 _scale_4
            )
            {
            	ret;
            }
            """;
        PtxEntry entry = PtxEntry.Parse(ptx);
        Assert.Equal("Kernel_Add", entry.Name);
        Assert.Equal([4, 8, 16, 8], entry.ParameterSizes);
        Assert.Equal("Kernel_Add(4, 8, 16, 8)", entry.Describe());
    }

    [Fact]
    public void Text_without_an_entry_or_with_an_unknown_parameter_is_refused()
    {
        Assert.Throws<FormatException>(() => PtxEntry.Parse(".version 6.0\n.func f() { ret; }"));
        Assert.Throws<FormatException>(() => PtxEntry.Parse(".visible .entry K(\n.param .texref t\n)\n{ }"));
    }
}
