using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;

namespace MMEvol.Core.Llm;

/// <summary>
/// One model endpoint behind Semantic Kernel's <see cref="IChatCompletionService"/>, with the retries,
/// timeouts, token counts and cost the evolver and the judge need. Thread-safe; build one per job and
/// share it across the job's concurrent calls (it owns one connection pool).
/// </summary>
public sealed class LlmClient : IDisposable
{
    // SK's OpenAI connector reads an image's detail level from this metadata key (ClientCore.ChatCompletion).
    private const string DetailLevelKey = "ChatImageDetailLevel";
    // SK puts the SDK's ChatTokenUsage under this metadata key of the answer (nameof(ChatCompletion.Usage)).
    private const string UsageKey = "Usage";

    private readonly LlmOptions _options;
    private readonly ILogger _logger;
    private readonly AsyncLocal<CallTrace?> _trace = new();
    private readonly HttpClient _http;
    private readonly OpenAIPromptExecutionSettings _textSettings;
    private readonly OpenAIPromptExecutionSettings _jsonSettings;
    private readonly string _endpoint;
    private readonly string? _secret;

    /// <param name="apiKey">A key from configuration; when null, the variable named by <see cref="LlmOptions.ApiKeyEnv"/> is read.</param>
    public LlmClient(LlmOptions options, ILoggerFactory? loggerFactory = null, string? apiKey = null)
    {
        options.Validate();
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LlmClient>();
        _endpoint = options.Endpoint.TrimEnd('/');
        _secret = ResolveKey(options, apiKey);
        _http = LlmResilience.CreateHttpClient(options, _logger, _trace);

        // SK 1.82, handed an HttpClient, builds its OpenAIClient with ClientRetryPolicy(maxRetries: 0) and an
        // infinite NetworkTimeout (ClientCore.GetOpenAIClientOptions), so only our pipeline retries. We build
        // the client the same way ourselves: that keeps this guarantee explicit and needs no SKEXP0010 API.
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(_endpoint),
            Transport = new HttpClientPipelineTransport(_http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        // Local servers (vLLM, Ollama) ignore the key but the SDK insists on one; "EMPTY" is vLLM's documented placeholder.
        var openAi = new OpenAIClient(new ApiKeyCredential(_secret ?? "EMPTY"), clientOptions);
        // No logger for SK: it logs token counts at Information on every call; ours logs them at Debug.
        Chat = new OpenAIChatCompletionService(options.Model, openAi);
        _textSettings = LlmSettings.Create(options, json: false);
        _jsonSettings = LlmSettings.Create(options, json: true);
    }

    /// <summary>The Semantic Kernel seam itself, for callers that build their own chat history.</summary>
    public IChatCompletionService Chat { get; }

    /// <summary>Sends one system + user turn (with an optional JPEG) and returns the answer, its tokens and cost.</summary>
    /// <exception cref="LlmCallException">The call failed for good; the message says why.</exception>
    public async Task<LlmCall> CompleteAsync(string system, string user, byte[]? jpeg, bool json, CancellationToken ct)
    {
        var trace = new CallTrace();
        _trace.Value = trace;
        var started = Stopwatch.GetTimestamp();
        // A backstop beyond the pipeline's budget: reading a response body happens outside the pipeline.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(_options.TotalTimeoutSeconds + 5));
        ChatMessageContent answer;
        try
        {
            answer = await Chat.GetChatMessageContentAsync(History(system, user, jpeg), json ? _jsonSettings : _textSettings, kernel: null, budget.Token)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var failure = LlmFailure.From(e, trace, _options, _endpoint, _secret);
            _logger.LogWarning("LLM call failed for good after {Attempts} attempts: {Reason}", trace.Attempts, failure.Message);
            throw failure;
        }

        var latency = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var usage = answer.Metadata is not null && answer.Metadata.TryGetValue(UsageKey, out var u) ? u as ChatTokenUsage : null;
        int? prompt = usage?.InputTokenCount, completion = usage?.OutputTokenCount;
        var cost = ((prompt ?? 0) * _options.PricePerMillionInputTokens + (completion ?? 0) * _options.PricePerMillionOutputTokens) / 1e6;
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("LLM call answered in {LatencyMs} ms after {Attempts} attempts: {PromptTokens} prompt + {CompletionTokens} completion tokens",
                latency, trace.Attempts, prompt, completion);
        return new LlmCall(answer.Content ?? "", prompt, completion, latency, cost);
    }

    public void Dispose() => _http.Dispose();

    private ChatHistory History(string system, string user, byte[]? jpeg)
    {
        var history = new ChatHistory(system);
        if (jpeg is null)
        {
            history.AddUserMessage(user);
            return history;
        }
        // ImageContent with bytes goes on the wire as a data:image/jpeg;base64 URL in an image_url part.
        var image = new ImageContent(jpeg, "image/jpeg")
        {
            Metadata = new Dictionary<string, object?> { [DetailLevelKey] = _options.ImageDetail },
        };
        history.AddUserMessage([new TextContent(user), image]);
        return history;
    }

    private static string? ResolveKey(LlmOptions options, string? apiKey)
    {
        if (!string.IsNullOrWhiteSpace(apiKey))
            return apiKey.Trim();
        if (options.ApiKeyEnv is null)
            return null;
        var key = Environment.GetEnvironmentVariable(options.ApiKeyEnv);
        return string.IsNullOrWhiteSpace(key)
            ? throw new WorkbenchException($"LLM settings: the environment variable {options.ApiKeyEnv}, named for the API key, is not set or empty")
            : key.Trim();
    }
}
