using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.ToTable("TrainingRuns");
        builder.HasIndex(r => new { r.DatasetId, r.Id });
        builder.HasIndex(r => r.JobId);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Metrics).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingMetricConfiguration : IEntityTypeConfiguration<TrainingMetric>
{
    public void Configure(EntityTypeBuilder<TrainingMetric> builder)
    {
        builder.ToTable("TrainingMetrics");
        builder.HasKey(m => new { m.RunId, m.Step });
    }
}
