using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Log lines gathered from any thread (a child process's output, a long computation's steps) and
/// written to the job's log in batches by whoever flushes: one transaction per flush, not per line.
/// </summary>
public sealed class BufferedJobLog(JobContext context)
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string line) => _lines.Enqueue(line);

    public async Task FlushAsync()
    {
        var batch = new List<string>();
        while (_lines.TryDequeue(out var line))
            batch.Add(line);
        await context.LogManyAsync(LogLevel.Information, batch, CancellationToken.None);
    }
}
