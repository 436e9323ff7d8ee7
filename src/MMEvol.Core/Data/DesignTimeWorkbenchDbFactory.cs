using Microsoft.EntityFrameworkCore.Design;

namespace MMEvol.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a host.</summary>
internal sealed class DesignTimeWorkbenchDbFactory : IDesignTimeDbContextFactory<WorkbenchDb>
{
    public WorkbenchDb CreateDbContext(string[] args) =>
        WorkbenchStore.Open(Path.Combine(Path.GetTempPath(), "mmevol-design-time.db"));
}
