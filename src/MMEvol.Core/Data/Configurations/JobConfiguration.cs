using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.HasIndex(j => new { j.State, j.Id });
        builder.HasIndex(j => j.DatasetId);
        builder.HasMany(j => j.Log).WithOne().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
