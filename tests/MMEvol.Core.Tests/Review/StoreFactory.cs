using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MMEvol.Core.Data;

namespace MMEvol.Core.Tests.Review;

/// <summary>The context factory a host would inject, over a test's store, with optional interceptors.</summary>
public sealed class StoreFactory(TestStore store, params IInterceptor[] interceptors) : IDbContextFactory<WorkbenchDb>
{
    public WorkbenchDb CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<WorkbenchDb>();
        WorkbenchStore.Configure(options, store.Data.DatabaseFile);
        if (interceptors.Length > 0)
            options.AddInterceptors(interceptors);
        return new WorkbenchDb(options.Options);
    }
}
