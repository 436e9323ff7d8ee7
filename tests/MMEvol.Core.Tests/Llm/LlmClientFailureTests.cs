using MMEvol.Core.Llm;
using MMEvol.Testing;

namespace MMEvol.Core.Tests.Llm;

/// <summary>Calls that fail for good: at once when retrying cannot help, or when retries or the budget run out, with a message that says which.</summary>
public sealed class LlmClientFailureTests
{
    [Fact]
    public async Task CompleteAsync_NothingListening_FailsNamingTheEndpoint()
    {
        var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("never"));
        await stub.DisposeAsync();
        using var client = LlmTestClient.Create(stub, o => o with { MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        Assert.Contains($"cannot reach {stub.BaseUrl.ToString().TrimEnd('/')} after 2 attempts", error.Message);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task CompleteAsync_401_FailsAtOnceWithClearMessage()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Status(401, """{"error":{"message":"Incorrect API key"}}"""));
        using var client = LlmTestClient.Create(stub);

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        Assert.Equal(1, stub.Count);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains($"HTTP 401 Unauthorized from {stub.BaseUrl.ToString().TrimEnd('/')}", error.Message);
    }

    [Fact]
    public async Task CompleteAsync_429Always_FailsWithRetriesExhausted()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Status(429, retryAfter: "0"));
        using var client = LlmTestClient.Create(stub, o => o with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        // Exactly 1 + MaxRetries: the OpenAI SDK's own retry policy must not multiply them.
        Assert.Equal(3, stub.Count);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("429 Too Many Requests, retries exhausted after 3 attempts", error.Message);
    }

    [Fact]
    public async Task CompleteAsync_NoRetriesAllowed_SendsOneRequest()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Status(503));
        using var client = LlmTestClient.Create(stub, o => o with { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        Assert.Equal(1, stub.Count);
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task CompleteAsync_EveryAttemptHangs_TimesOutNamingAttempts()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("late").After(TimeSpan.FromSeconds(30)));
        using var client = LlmTestClient.Create(stub, o => o with { AttemptTimeoutSeconds = 0.3, MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        Assert.Equal(3, stub.Count);
        Assert.Contains("timed out after 3 attempts (0.3 s each)", error.Message);
    }

    [Fact]
    public async Task CompleteAsync_BudgetRunsOut_ThrowsBeforeUsingAllRetries()
    {
        // Instant failures and growing backoff waits: the budget runs out during a wait, whatever the machine's load.
        await using var stub = await ChatCompletionsStub.StartAsync(r => r.Index == 0 ? StubReply.Completion("warm") : StubReply.Status(503));
        using var client = LlmTestClient.Create(stub, o => o with { AttemptTimeoutSeconds = 2, TotalTimeoutSeconds = 2.5, RetryBaseDelaySeconds = 0.5, MaxRetries = 50 });
        await client.AskAsync();

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        Assert.InRange(stub.Count, 2, 50);
        Assert.Contains("the 2.5 s budget ran out", error.Message);
        Assert.Contains("(last: HTTP 503 Service Unavailable)", error.Message);
    }

    [Fact]
    public async Task CompleteAsync_RetryAfterBeyondBudget_FailsAtOnce()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Status(429, retryAfter: "3600"));
        using var client = LlmTestClient.Create(stub);

        var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

        Assert.Equal(1, stub.Count);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("asks to wait 3600 s, beyond the 20 s budget", error.Message);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("late").After(TimeSpan.FromSeconds(30)));
        using var client = LlmTestClient.Create(stub);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.CompleteAsync(LlmTestClient.System, LlmTestClient.User, null, false, cancel.Token));
    }
}
