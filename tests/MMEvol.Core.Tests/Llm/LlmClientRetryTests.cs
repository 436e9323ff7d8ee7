using MMEvol.Testing;

namespace MMEvol.Core.Tests.Llm;

/// <summary>
/// Timeouts and retries against a misbehaving server. Timing is asserted only from below (a wait that
/// was asked for happened); never from above, which a loaded CI machine would break.
/// </summary>
public sealed class LlmClientRetryTests
{
    [Fact]
    public async Task CompleteAsync_429WithRetryAfter_WaitsItOutAndSucceeds()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r =>
            r.Index == 0 ? StubReply.Status(429, """{"error":{"message":"slow down"}}""", retryAfter: "1") : StubReply.Completion("ok"));
        using var client = LlmTestClient.Create(stub);

        var call = await client.AskAsync();

        Assert.Equal("ok", call.Text);
        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.95),
            $"retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task CompleteAsync_HungAttempt_TimesOutAndRetrySucceeds()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r =>
            r.Index == 0 ? StubReply.Completion("late").After(TimeSpan.FromSeconds(30)) : StubReply.Completion("ok"));
        using var client = LlmTestClient.Create(stub, o => o with { AttemptTimeoutSeconds = 1 });

        var call = await client.AskAsync();

        Assert.Equal("ok", call.Text);
        Assert.Equal(2, stub.Count);
    }

    [Fact]
    public async Task CompleteAsync_500TwiceThen200_Succeeds()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r => r.Index < 2 ? StubReply.Status(500) : StubReply.Completion("ok"));
        using var client = LlmTestClient.Create(stub);

        var call = await client.AskAsync();

        Assert.Equal("ok", call.Text);
        Assert.Equal(3, stub.Count);
    }

    [Fact]
    public async Task CompleteAsync_DroppedConnection_IsRetried()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r => r.Index == 0 ? StubReply.Drop() : StubReply.Completion("ok"));
        using var client = LlmTestClient.Create(stub);

        var call = await client.AskAsync();

        Assert.Equal("ok", call.Text);
        Assert.Equal(2, stub.Count);
    }
}
