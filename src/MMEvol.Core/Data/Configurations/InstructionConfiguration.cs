using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> builder)
    {
        builder.ToTable("Items");
        builder.Property(i => i.Steps).HasJsonConversion();
        builder.Property(i => i.Objects).HasJsonConversion();
        builder.Property(i => i.Skills).HasJsonConversion();
        builder.Property(i => i.Format).HasMaxLength(64);
        builder.Property(i => i.ImagePosition).HasMaxLength(16);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.ComplexProperty(i => i.Metrics);
        builder.Ignore(i => i.Verdict);
        builder.Ignore(i => i.EffectiveScore);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImageRecord>().WithMany().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.Cascade);

        // One index per filter the review list offers, each led by the dataset and ending in the
        // key so that keyset paging reads the index in order.
        builder.HasIndex(i => new { i.DatasetId, i.RoundNumber, i.Direction, i.FinalDecision, i.Id });
        builder.HasIndex(i => new { i.DatasetId, i.FinalDecision, i.Id });
        builder.HasIndex(i => new { i.DatasetId, i.ReviewState, i.Id });
        builder.HasIndex(i => new { i.DatasetId, i.JudgeScore, i.Id });
        builder.HasIndex(i => new { i.RecordId, i.RoundNumber, i.Index });
        builder.HasIndex(i => i.RoundId);
    }
}
