using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class ImageRecordConfiguration : IEntityTypeConfiguration<ImageRecord>
{
    public void Configure(EntityTypeBuilder<ImageRecord> builder)
    {
        builder.ToTable("Records");
        builder.Property(r => r.Detections).HasJsonConversion();
        builder.HasIndex(r => new { r.DatasetId, r.Fingerprint }).IsUnique();
        builder.HasIndex(r => new { r.DatasetId, r.SourceId });
        builder.HasMany(r => r.Rounds).WithOne(r => r.Record).HasForeignKey(r => r.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.HasImage);
    }
}
