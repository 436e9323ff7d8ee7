using Microsoft.Extensions.Logging;
using MMEvol.Core.Llm;
using MMEvol.Testing;

namespace MMEvol.Core.Tests.Llm;

/// <summary>Builds the subject of the LLM tests: a client pointed at a loopback stub, with test-sized timeouts.</summary>
internal static class LlmTestClient
{
    public const string System = "You evolve image-text instructions.";
    public const string User = "Make this question harder.";

    public static LlmClient Create(ChatCompletionsStub stub, Func<LlmOptions, LlmOptions>? adjust = null, ILoggerFactory? logs = null, string? apiKey = null)
    {
        var options = new LlmOptions
        {
            Endpoint = stub.BaseUrl.ToString(),
            Model = "test-model",
            AttemptTimeoutSeconds = 5,
            TotalTimeoutSeconds = 20,
            MaxRetries = 3,
            RetryBaseDelaySeconds = 0.01,
        };
        return new LlmClient(adjust is null ? options : adjust(options), logs, apiKey);
    }

    public static Task<LlmCall> AskAsync(this LlmClient client, byte[]? jpeg = null, bool json = false) =>
        client.CompleteAsync(System, User, jpeg, json, CancellationToken.None);
}
