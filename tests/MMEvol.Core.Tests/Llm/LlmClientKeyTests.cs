using MMEvol.Core.Llm;
using MMEvol.Testing;

namespace MMEvol.Core.Tests.Llm;

/// <summary>The key travels as a bearer token and nowhere else: not in other headers, the body, logs or errors.</summary>
public sealed class LlmClientKeyTests
{
    [Fact]
    public async Task CompleteAsync_KeyFromEnvironment_TravelsOnlyAsBearerToken()
    {
        var key = $"sk-test-{Guid.NewGuid():N}";
        var variable = $"MMEVOL_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, key);
        try
        {
            // The server echoes the key in its error text, as a careless proxy might.
            await using var stub = await ChatCompletionsStub.StartAsync(r => r.Index switch
            {
                0 => StubReply.Status(503, $"{{\"error\":{{\"message\":\"overloaded for {key}\"}}}}"),
                1 => StubReply.Completion("ok"),
                _ => StubReply.Status(400, $"{{\"error\":{{\"message\":\"bad request from {key}\"}}}}"),
            });
            using var logs = new CapturingLoggerProvider();
            using var factory = logs.CreateFactory();
            using var client = LlmTestClient.Create(stub, o => o with { ApiKeyEnv = variable }, factory);

            await client.AskAsync();
            var error = await Assert.ThrowsAsync<LlmCallException>(() => client.AskAsync());

            Assert.Equal(3, stub.Requests.Count);
            foreach (var request in stub.Requests)
            {
                Assert.Equal($"Bearer {key}", request.Authorization);
                Assert.DoesNotContain(request.Headers, h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && h.Value.Contains(key));
                Assert.DoesNotContain(key, request.Body);
            }
            Assert.NotEmpty(logs.Lines);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(key));
            Assert.DoesNotContain(key, error.ToString());
            Assert.Contains("bad request from ***", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Constructor_KeyVariableUnset_ThrowsNamingTheVariable()
    {
        var variable = $"MMEVOL_TEST_UNSET_{Guid.NewGuid():N}";
        var options = new LlmOptions { Endpoint = "http://127.0.0.1:9/v1", Model = "m", ApiKeyEnv = variable };

        var error = Assert.Throws<WorkbenchException>(() => new LlmClient(options));

        Assert.Contains(variable, error.Message);
    }

    [Fact]
    public async Task CompleteAsync_KeyFromConfiguration_IsSentAsBearerToken()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("ok"));
        using var client = LlmTestClient.Create(stub, apiKey: "sk-from-config");

        await client.AskAsync();

        Assert.Equal("Bearer sk-from-config", Assert.Single(stub.Requests).Authorization);
    }
}
