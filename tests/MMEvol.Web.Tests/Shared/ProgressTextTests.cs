using MMEvol.Web.Components.Shared;

namespace MMEvol.Web.Tests.Shared;

public sealed class ProgressTextTests
{
    [Fact]
    public void Of_KnownTotal_ShowsDoneOfTotal() => Assert.Equal(1234.ToString("N0") + " / " + 5000.ToString("N0"), ProgressText.Of(1234, 5000));

    [Fact]
    public void Of_TotalNotStated_ShowsTheCountAlone() => Assert.Equal(1234.ToString("N0"), ProgressText.Of(1234, 0));
}
