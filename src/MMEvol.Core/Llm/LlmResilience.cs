using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace MMEvol.Core.Llm;

/// <summary>
/// The one HttpClient a <see cref="LlmClient"/> sends through: a total budget around retries around a
/// per-attempt timeout. Retried: 408, 429 (waiting what Retry-After says, in seconds or as a date), 5xx,
/// connection failures and attempt timeouts, with exponential backoff and jitter. No circuit breaker:
/// one call's failures must not fail the unrelated calls running beside it.
/// </summary>
internal static class LlmResilience
{
    public static HttpClient CreateHttpClient(LlmOptions options, ILogger logger, AsyncLocal<CallTrace?> trace)
    {
        var handler = new ResilienceHandler(CreatePipeline(options, logger, trace))
        {
            // Concurrency is bounded by the caller (--concurrency), so the pool is not; connections are
            // recycled now and then so that a server behind a changing DNS name is followed.
            InnerHandler = new AttemptCountingHandler(trace)
            {
                InnerHandler = new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectTimeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
                    AutomaticDecompression = DecompressionMethods.All,
                },
            },
        };
        // The pipeline's total timeout governs; HttpClient's own 100 s default would cut it short.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    internal static ResiliencePipeline<HttpResponseMessage> CreatePipeline(LlmOptions options, ILogger logger, AsyncLocal<CallTrace?> trace)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TotalTimeoutSeconds) });
        var budget = TimeSpan.FromSeconds(options.TotalTimeoutSeconds);
        // Polly refuses a retry strategy with zero attempts: no retries means no strategy.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) && !WaitBeyondBudget(args.Outcome, trace.Value, budget)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                // Retry-After is honoured up to the whole budget; the total timeout ends a longer wait.
                MaxDelay = budget,
                ShouldRetryAfterHeader = true,
                OnRetry = args =>
                {
                    var failure = Describe(args.Outcome);
                    trace.Value?.Retried(failure);
                    logger.LogWarning("LLM attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms",
                        args.AttemptNumber + 1, failure, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        return builder
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds) })
            .Build();
    }

    /// <summary>
    /// A server that asks for a wait past the budget (a daily quota, say) gets no retry: waiting out the
    /// budget for nothing would hold a worker that other records could use.
    /// </summary>
    private static bool WaitBeyondBudget(Outcome<HttpResponseMessage> outcome, CallTrace? trace, TimeSpan budget)
    {
        var wait = outcome.Result?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        if (trace is null || wait is null || trace.Elapsed + wait.Value <= budget)
            return false;
        trace.RefusedWait = wait;
        return true;
    }

    internal static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => Status(response.StatusCode),
        { Exception: TimeoutRejectedException timeout } => $"no answer within {timeout.Timeout.TotalSeconds:0.###} s",
        { Exception: HttpRequestException e } => $"connection failed: {e.Message}",
        { Exception: { } e } => e.GetType().Name,
        _ => "unknown",
    };

    /// <summary>"HTTP 429 Too Many Requests", from the code alone: the server's reason phrase is its text, not ours to log.</summary>
    internal static string Status(HttpStatusCode code)
    {
        var name = code.ToString();
        if (char.IsDigit(name[0]))
            return $"HTTP {(int)code}";
        var words = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
        return $"HTTP {(int)code} {words}";
    }
}
