using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;
using MMEvol.Core.Users;

namespace MMEvol.Core.Data;

/// <summary>
/// The shared store: one SQLite file read and written by the web UI, the worker and the CLI. The
/// web UI's users and roles live in it too, so an audit entry and its author share one file.
/// </summary>
public sealed class WorkbenchDb(DbContextOptions<WorkbenchDb> options) : IdentityDbContext<WorkbenchUser, IdentityRole, string>(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<ImageRecord> Records => Set<ImageRecord>();
    public DbSet<EvolutionRound> Rounds => Set<EvolutionRound>();
    public DbSet<Instruction> Instructions => Set<Instruction>();
    public DbSet<Model.Review> Reviews => Set<Model.Review>();
    public DbSet<EliminationPolicy> Policies => Set<EliminationPolicy>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobLogLine> JobLog => Set<JobLogLine>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<TrainingMetric> TrainingMetrics => Set<TrainingMetric>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkbenchDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text server-side; lease expiry and ordering need it.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<Direction>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Decision>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Decision?>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RoundStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewAction>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<JobKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<JobState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FaultKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<FaultKind?>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<SnapshotKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TrainingStatus>().HaveConversion<string>().HaveMaxLength(16);
    }
}
