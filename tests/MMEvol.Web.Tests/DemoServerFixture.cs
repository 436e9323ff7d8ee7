using MMEvol.Core.Model;

namespace MMEvol.Web.Tests;

/// <summary>One server for the tests that only read: started on an empty store, its small demo imported.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public WorkbenchServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = WorkbenchServer.Start();
        await Server.WaitForJobsAsync(jobs => jobs.Any(j => j.Kind == JobKind.Demo && j.State == JobState.Succeeded));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServerFixture>
{
    public const string Name = "Demo server";
}
