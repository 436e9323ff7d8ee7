using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

public sealed class TestJobHandler(Func<JobContext, CancellationToken, Task> run, JobKind kind = JobKind.Evolve) : IJobHandler
{
    public JobKind Kind => kind;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
}
