using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MMEvol.Core.Data.Configurations;

internal sealed class EliminationPolicyConfiguration : IEntityTypeConfiguration<EliminationPolicy>
{
    public void Configure(EntityTypeBuilder<EliminationPolicy> builder)
    {
        builder.ToTable("Policies");
        builder.HasIndex(p => new { p.DatasetId, p.Version }).IsUnique();
    }
}
