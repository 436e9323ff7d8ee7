using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Who holds a job's lease, written as "{machine}:{pid}:{tag}". Machine and pid let a worker on
/// the same machine see that the holder's process is gone (a killed CLI run) and take the job
/// over at once instead of waiting for the lease to run out; the tag tells apart two owners in
/// one process.
/// </summary>
public sealed class JobOwner
{
    public JobOwner(string machine, int processId, string tag)
    {
        if (string.IsNullOrEmpty(machine) || machine.Contains(':'))
            throw new ArgumentException("A machine name must be non-empty and without ':'.", nameof(machine));
        if (string.IsNullOrEmpty(tag) || tag.Contains(':'))
            throw new ArgumentException("A tag must be non-empty and without ':'.", nameof(tag));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processId);
        Machine = machine;
        ProcessId = processId;
        Tag = tag;
        Value = $"{machine}:{processId.ToString(CultureInfo.InvariantCulture)}:{tag}";
    }

    public string Machine { get; }
    public int ProcessId { get; }
    public string Tag { get; }

    /// <summary>What is stored in <c>Job.LeaseOwner</c>.</summary>
    public string Value { get; }

    /// <summary>The prefix every owner on this machine starts with; lets a query find local leases.</summary>
    internal static string LocalPrefix => Environment.MachineName + ":";

    /// <summary>A fresh owner for this process. The tag is an identity, not part of the method's randomness, so no seed.</summary>
    public static JobOwner ForThisProcess() =>
        new(Environment.MachineName, Environment.ProcessId, RandomNumberGenerator.GetHexString(8, lowercase: true));

    public static bool TryParse(string? value, [NotNullWhen(true)] out JobOwner? owner)
    {
        owner = null;
        var tagAt = value?.LastIndexOf(':') ?? -1;
        if (value is null || tagAt <= 0)
            return false;
        var pidAt = value.LastIndexOf(':', tagAt - 1);
        if (pidAt <= 0 || tagAt == value.Length - 1
            || !int.TryParse(value.AsSpan(pidAt + 1, tagAt - pidAt - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
            return false;
        owner = new JobOwner(value[..pidAt], pid, value[(tagAt + 1)..]);
        return true;
    }

    /// <summary>
    /// True only for an owner on this machine whose process no longer exists. Errs towards
    /// "alive": a reused pid keeps the lease until it expires, which delays a takeover but never
    /// lets two workers run one job. Another machine's owner is never judged (SQLite serves one
    /// machine; its lease simply expires).
    /// </summary>
    public static bool IsDeadLocal(string? leaseOwner)
    {
        if (!TryParse(leaseOwner, out var owner) || owner.Machine != Environment.MachineName || owner.ProcessId == Environment.ProcessId)
            return false;
        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while we looked
        }
    }

    public override string ToString() => Value;
}
