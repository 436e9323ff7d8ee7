using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> builder)
    {
        builder.ToTable("SavedFilters");
        builder.Property(f => f.Name).HasMaxLength(Review.SavedFilters.MaxNameLength);
        builder.HasIndex(f => new { f.DatasetId, f.Name }).IsUnique();
        builder.HasOne<Dataset>().WithMany().HasForeignKey(f => f.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
