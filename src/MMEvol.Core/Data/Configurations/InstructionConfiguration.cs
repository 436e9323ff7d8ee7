using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    // Named because the review list forces them (INDEXED BY): see Review/ReviewIndex.
    public const string ReviewByIdIndex = "IX_Items_Review_ById";
    public const string ReviewByScoreIndex = "IX_Items_Review_ByScore";

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
        // Virtual (computed on read, stored only in its indexes): it can never drift from the two
        // scores, whichever writer (EF, bulk insert, ExecuteUpdate) changed them.
        builder.Property(i => i.EffectiveScore)
            .HasComputedColumnSql("COALESCE(\"ReviewerScore\", \"JudgeScore\")", stored: false);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImageRecord>().WithMany().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.Cascade);

        // One index per filter the review list offers, each led by the dataset and ending in the
        // key so that keyset paging reads the index in order.
        builder.HasIndex(i => new { i.DatasetId, i.RoundNumber, i.Direction, i.FinalDecision, i.Id });
        builder.HasIndex(i => new { i.DatasetId, i.FinalDecision, i.Id });
        builder.HasIndex(i => new { i.DatasetId, i.ReviewState, i.Id });
        builder.HasIndex(i => new { i.DatasetId, i.JudgeScore, i.Id });

        // The review list's two orders, each carrying every filter column after the key so that a
        // filter no narrower index serves is checked inside the index, never by reading the row.
        builder.HasIndex(i => new { i.DatasetId, i.Id, i.RoundNumber, i.Direction, i.FinalDecision, i.ReviewState, i.EffectiveScore, i.RecordId })
            .HasDatabaseName(ReviewByIdIndex);
        builder.HasIndex(i => new { i.DatasetId, i.EffectiveScore, i.Id, i.RoundNumber, i.Direction, i.FinalDecision, i.ReviewState, i.RecordId })
            .HasDatabaseName(ReviewByScoreIndex);
        builder.HasIndex(i => new { i.RecordId, i.RoundNumber, i.Index });
        builder.HasIndex(i => i.RoundId);
    }
}
