using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Model.Review>
{
    public void Configure(EntityTypeBuilder<Model.Review> builder)
    {
        builder.Property(r => r.User).HasMaxLength(200);
        builder.HasIndex(r => new { r.InstructionId, r.Id });
        builder.HasIndex(r => new { r.DatasetId, r.Id });
        builder.HasIndex(r => r.BulkId);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
