namespace MMEvol.Core.Llm;

/// <summary>Counts the requests that really go out, below the retries, for the call's error message.</summary>
internal sealed class AttemptCountingHandler(AsyncLocal<CallTrace?> trace) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        trace.Value?.Sending();
        return base.SendAsync(request, cancellationToken);
    }
}
