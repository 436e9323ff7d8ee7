using System.Globalization;
using System.Text.RegularExpressions;
using MMEvol.Core;

namespace MMEvol.Training.External;

/// <summary>
/// How to run one external trainer: a <c>/bin/sh -c</c> command template with the placeholders of
/// <see cref="TrainerPaths"/> (<c>{data}</c>, <c>{images}</c>, <c>{output}</c>, ...), and optionally a cancel command (Slurm's <c>scancel {job}</c>) and a log file to follow
/// (Slurm writes the job's output there, not to the submitting command). Without a cancel command a
/// cancelled run kills the command's processes.
/// </summary>
public sealed record TrainerProfile(string Name, string CommandTemplate)
{
    public const string DefaultJobIdPattern = @"Submitted batch job (\d+)";

    private static readonly string[] PathNames = ["data", "data_dir", "images", "output", "dataset"];
    private static readonly string[] CancelNames = [.. PathNames, "job", "pid"];
    private static readonly string[] LogFileNames = [.. PathNames, "job"];

    /// <summary>Run on cancel; may also use <c>{job}</c> (the captured scheduler job id) and <c>{pid}</c> (the command's process).</summary>
    public string? CancelTemplate { get; init; }

    /// <summary>A file the trainer's log goes to, followed like its output; may use <c>{job}</c>. Relative to the working directory.</summary>
    public string? LogFile { get; init; }

    /// <summary>Where the command runs; the output folder when null.</summary>
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Finds the scheduler job id in the command's output: group 1 if the pattern has one, else the whole match.</summary>
    public string? JobIdPattern { get; init; } = DefaultJobIdPattern;

    /// <summary>Every problem with the profile, each naming its field; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add("Name is empty.");
        if (string.IsNullOrWhiteSpace(CommandTemplate))
            problems.Add("CommandTemplate is empty.");
        else
            problems.AddRange(ShellTemplate.Problems(CommandTemplate, nameof(CommandTemplate), PathNames, shell: true));
        if (CancelTemplate is not null)
            problems.AddRange(string.IsNullOrWhiteSpace(CancelTemplate)
                ? ["CancelTemplate is empty; leave it out to have a cancel kill the command's processes."]
                : ShellTemplate.Problems(CancelTemplate, nameof(CancelTemplate), CancelNames, shell: true));
        if (LogFile is not null)
            problems.AddRange(string.IsNullOrWhiteSpace(LogFile)
                ? ["LogFile is empty; leave it out when the command's own output is the log."]
                : ShellTemplate.Problems(LogFile, nameof(LogFile), LogFileNames, shell: false));
        if (!string.IsNullOrWhiteSpace(JobIdPattern) && TryJobIdRegex(out var error) is null)
            problems.Add($"JobIdPattern is not a valid regular expression: {error}");
        if (string.IsNullOrWhiteSpace(JobIdPattern))
        {
            (string Field, string? Template)[] jobUsers = [(nameof(CancelTemplate), CancelTemplate), (nameof(LogFile), LogFile)];
            problems.AddRange(jobUsers.Where(u => ShellTemplate.Uses(u.Template, "job"))
                .Select(u => $"{u.Field} uses {{job}} but JobIdPattern is empty, so no job id is ever captured."));
        }
        foreach (var name in EnvironmentVariables.Keys.Where(k => string.IsNullOrEmpty(k) || k.Contains('=', StringComparison.Ordinal) || k.Contains('\0', StringComparison.Ordinal)))
            problems.Add($"EnvironmentVariables has an invalid name '{name}'.");
        return [.. problems.Select(p => $"Trainer profile '{Name}': {p}")];
    }

    /// <summary>The command line a run with these paths executes; placeholders the profile cannot fill stay as written.</summary>
    public string Preview(TrainerPaths paths) => ShellTemplate.Render(CommandTemplate, paths.Values(), shell: true);

    internal void EnsureValid(TrainerPaths paths)
    {
        if (Validate() is [_, ..] problems)
            throw new WorkbenchException(string.Join(" ", problems));
        if (paths.Dataset is null && new[] { CommandTemplate, CancelTemplate, LogFile }.Any(t => ShellTemplate.Uses(t, "dataset")))
            throw new WorkbenchException($"Trainer profile '{Name}' uses {{dataset}}, but this export has no dataset_info.json entry; export as ShareGPT.");
    }

    internal bool CancelNeedsJobId => ShellTemplate.Uses(CancelTemplate, "job");

    internal bool LogFileNeedsJobId => ShellTemplate.Uses(LogFile, "job");

    internal string CancelCommand(TrainerPaths paths, string? jobId, int pid)
    {
        var values = paths.Values();
        values["pid"] = pid.ToString(CultureInfo.InvariantCulture);
        if (jobId is not null)
            values["job"] = jobId;
        return ShellTemplate.Render(CancelTemplate!, values, shell: true);
    }

    /// <summary>The log file's absolute path, or null while it still waits for the job id.</summary>
    internal string? LogFilePath(TrainerPaths paths, string workingDirectory, string? jobId)
    {
        if (LogFile is null || (LogFileNeedsJobId && jobId is null))
            return null;
        var values = paths.Values();
        if (jobId is not null)
            values["job"] = jobId;
        return Path.GetFullPath(ShellTemplate.Render(LogFile, values, shell: false), workingDirectory);
    }

    internal Regex? JobIdRegex() => string.IsNullOrWhiteSpace(JobIdPattern) ? null : TryJobIdRegex(out _);

    private Regex? TryJobIdRegex(out string? error)
    {
        try
        {
            error = null;
            return new Regex(JobIdPattern!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }
}
