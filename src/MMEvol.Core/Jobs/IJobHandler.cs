using MMEvol.Core.Model;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Does the work of one job kind. A job may be run again after a crash or a resume, so a
/// handler continues from what the store holds rather than from the start.
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    Task RunAsync(JobContext context, CancellationToken cancellationToken);
}
