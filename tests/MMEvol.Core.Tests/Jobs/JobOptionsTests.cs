using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MMEvol.Core.Jobs;

namespace MMEvol.Core.Tests.Jobs;

public sealed class JobOptionsTests
{
    [Fact]
    public async Task AddJobs_Defaults_AreValid()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, settings: []);

        var options = host.Options.Value;

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)),
            (options.LeaseDuration, options.HeartbeatInterval, options.PollInterval));
    }

    [Fact]
    public async Task AddJobs_JobsSection_BoundFromConfiguration()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, settings: new() { ["Jobs:LeaseDuration"] = "00:02:00", ["Jobs:HeartbeatInterval"] = "00:00:10" });

        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(10)), (host.Options.Value.LeaseDuration, host.Options.Value.HeartbeatInterval));
    }

    [Theory]
    [InlineData("00:00:15", "00:00:30", "HeartbeatInterval")]
    [InlineData("00:00:05", "00:00:00", "LeaseDuration")]
    public async Task AddJobs_HeartbeatNotWellInsideLease_RefusedAtStartNamingTheSetting(string heartbeat, string lease, string named)
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, settings: new() { ["Jobs:HeartbeatInterval"] = heartbeat, ["Jobs:LeaseDuration"] = lease });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message);
        Assert.Throws<OptionsValidationException>(() => host.Options.Value);
    }
}
