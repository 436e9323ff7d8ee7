namespace MMEvol.Core.Llm;

/// <summary>
/// Where and how to reach an OpenAI-compatible chat-completions server (OpenAI, Azure OpenAI's v1
/// endpoint, vLLM, Ollama, LM Studio). The key is deliberately not a property: it is read from the
/// variable named by <see cref="ApiKeyEnv"/> when the client is built, so no serialized or logged
/// copy of these options can ever carry it.
/// </summary>
public sealed record LlmOptions
{
    /// <summary>The API root, e.g. "https://api.openai.com/v1", "http://localhost:8000/v1" (vLLM), "http://localhost:11434/v1" (Ollama).</summary>
    public string Endpoint { get; init; } = "https://api.openai.com/v1";

    public string Model { get; init; } = "";

    /// <summary>Name of the environment variable holding the key; null for local servers that need none.</summary>
    public string? ApiKeyEnv { get; init; }

    public double Temperature { get; init; } = 0.7;

    public int MaxTokens { get; init; } = 2048;

    public int? Seed { get; init; }

    public double AttemptTimeoutSeconds { get; init; } = 60;

    /// <summary>The budget of one call, every retry and every wait included.</summary>
    public double TotalTimeoutSeconds { get; init; } = 300;

    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; each retry doubles it, with jitter. A Retry-After header takes precedence.</summary>
    public double RetryBaseDelaySeconds { get; init; } = 1;

    public double PricePerMillionInputTokens { get; init; }

    public double PricePerMillionOutputTokens { get; init; }

    /// <summary>"low", "high" or "auto"; "low" costs a fixed, small number of tokens per image on OpenAI.</summary>
    public string ImageDetail { get; init; } = "low";

    public void Validate()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Invalid($"the endpoint '{Endpoint}' is not an http(s) URL such as https://api.openai.com/v1");
        // The endpoint is stored with the job and shown in errors: a key must never ride in it.
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0)
            throw Invalid("the endpoint must not carry credentials or query parameters; put the key in the environment variable named by --api-key-env");
        if (string.IsNullOrWhiteSpace(Model))
            throw Invalid("no model is set (e.g. gpt-4o-mini, or the name the local server serves)");
        if (ApiKeyEnv is not null && (ApiKeyEnv.Length == 0 || ApiKeyEnv.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_'))))
            throw Invalid($"'{ApiKeyEnv}' is not an environment variable name (letters, digits and '_')");
        if (!(Temperature is >= 0 and <= 2))
            throw Invalid($"the temperature {Temperature} is outside 0..2");
        if (MaxTokens < 1)
            throw Invalid($"max tokens must be at least 1, not {MaxTokens}");
        if (!(AttemptTimeoutSeconds > 0))
            throw Invalid($"the attempt timeout must be positive, not {AttemptTimeoutSeconds} s");
        if (!(TotalTimeoutSeconds >= AttemptTimeoutSeconds))
            throw Invalid($"the total timeout ({TotalTimeoutSeconds} s) must be at least one attempt's timeout ({AttemptTimeoutSeconds} s)");
        if (MaxRetries is < 0 or > 100)
            throw Invalid($"max retries must be within 0..100, not {MaxRetries}");
        if (!(RetryBaseDelaySeconds >= 0))
            throw Invalid($"the retry delay must not be negative, not {RetryBaseDelaySeconds} s");
        if (!(PricePerMillionInputTokens >= 0) || !(PricePerMillionOutputTokens >= 0))
            throw Invalid("token prices must not be negative");
        if (ImageDetail is not ("low" or "high" or "auto"))
            throw Invalid($"the image detail '{ImageDetail}' is not one of low, high, auto");
    }

    private static WorkbenchException Invalid(string reason) => new($"LLM settings: {reason}");
}
