using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class EvolutionRoundConfiguration : IEntityTypeConfiguration<EvolutionRound>
{
    public void Configure(EntityTypeBuilder<EvolutionRound> builder)
    {
        builder.ToTable("Rounds");
        builder.HasIndex(r => new { r.RecordId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.Number });
        // The review list's failed-rounds filter asks this of every candidate item's record.
        builder.HasIndex(r => new { r.RecordId, r.Status });
        builder.HasIndex(r => r.JobId);
        builder.Property(r => r.ParentItemIds).HasJsonConversion();
        builder.HasOne<EvolutionRound>().WithMany().HasForeignKey(r => r.ParentRoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Items).WithOne(i => i.Round).HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
