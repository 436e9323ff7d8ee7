using TorchSharp;

namespace MMEvol.Training.Tests;

public sealed class TorchLoadsTests
{
    [Fact]
    public void Torch_NativeLibraryLoads_AndComputes()
    {
        using var a = torch.ones(2, 3);
        using var b = a.sum();
        Assert.Equal(6f, b.item<float>());
    }
}
