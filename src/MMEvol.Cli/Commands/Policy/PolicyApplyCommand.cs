using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;
using MMEvol.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Policy;

public sealed class PolicyApplyCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<PolicyApplyCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset whose evolved items to re-decide.")]
        public string Dataset { get; init; } = "";

        [CommandOption("--min-score <SCORE>")]
        [Description("Also eliminate items whose score (the reviewer's correction where there is one) is below this (0-10).")]
        public double? MinScore { get; init; }

        [CommandOption("--min-step-gain <N>")]
        [Description("Also eliminate items with fewer than N more reasoning steps than their parent item (or the parent list's mean).")]
        public double? MinStepGain { get; init; }

        [CommandOption("--min-skill-gain <N>")]
        [Description("Also eliminate items with fewer than N more atomic skills than their parent.")]
        public double? MinSkillGain { get; init; }

        [CommandOption("--min-object-gain <N>")]
        [Description("Also eliminate items with fewer than N more objects than their parent.")]
        public double? MinObjectGain { get; init; }

        [CommandOption("--grounded-only")]
        [Description("Also eliminate items naming an object that is not among the record's detections.")]
        public bool GroundedOnly { get; init; }

        [CommandOption("--no-cheap-checks")]
        [Description("Do not eliminate items that fail WizardLM's cheap checks (apology, template echo, no new information, stop words only).")]
        public bool NoCheapChecks { get; init; }

        [CommandOption("--no-require-improved")]
        [Description("Drop the paper's rule (keep an item only if the judge said it improved); only to study its effect.")]
        public bool NoRequireImproved { get; init; }

        [CommandOption("--note <TEXT>")]
        [Description("Why the policy changed; kept in the audit log.")]
        public string? Note { get; init; }

        [CommandOption("--user <NAME>")]
        [Description("Who applies it, for the audit log. Default: the operating-system user.")]
        public string? User { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required")
            : MinScore is < 0 or > 10 ? ValidationResult.Error("--min-score must lie between 0 and 10")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == settings.Dataset, cancellationToken)
            ?? throw new WorkbenchException($"No dataset named '{settings.Dataset}'.");
        var before = await DatasetStats.ComputeAsync(db, dataset.Name, cancellationToken);
        var policy = await PolicyApplier.ApplyAsync(db, dataset.Id, new EliminationPolicy
        {
            DatasetId = dataset.Id,
            RequireImproved = !settings.NoRequireImproved,
            MinScore = settings.MinScore,
            MinStepGain = settings.MinStepGain,
            MinSkillGain = settings.MinSkillGain,
            MinObjectGain = settings.MinObjectGain,
            GroundedOnly = settings.GroundedOnly,
            CheapChecks = !settings.NoCheapChecks,
            CreatedBy = settings.User ?? Environment.UserName,
            Note = settings.Note,
        }, settings.User ?? Environment.UserName, time, cancellationToken);
        var after = await DatasetStats.ComputeAsync(db, dataset.Name, cancellationToken);

        PolicyTable.Write(console, policy);
        var table = new Table().Border(TableBorder.Simple).AddColumns("Round", "Direction", "Items", "Kept before", "Kept after");
        foreach (var row in after.Rounds.Where(r => r.Round > 0))
        {
            var old = before.Rounds.Single(r => r.Round == row.Round && r.Direction == row.Direction);
            table.AddRow($"{row.Round}", row.Direction.ToString(), $"{row.Items:N0}", $"{old.Kept:N0}", $"{row.Kept:N0}");
        }
        console.Write(table);
        console.MarkupLineInterpolated($"Policy v{policy.Version} applied: {before.Kept:N0} -> [green]{after.Kept:N0}[/] kept items; reviewers' overrides untouched.");
        return 0;
    }
}
