using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace MMEvol.Core.Llm;

/// <summary>The execution settings of every call of one client: built once, frozen, shared.</summary>
internal static class LlmSettings
{
    public static OpenAIPromptExecutionSettings Create(LlmOptions options, bool json)
    {
        // SK 1.82 sends MaxTokens as max_completion_tokens, which OpenAI wants and Ollama ignores (its
        // compatibility layer reads only max_tokens, which vLLM and LM Studio read too): OpenAI's own hosts get
        // the new field, every other server the old one.
        // ExtraBody is SK's only way to name a body field and is experimental (SKEXP0010): suppressed here alone.
        var openAiHost = UsesMaxCompletionTokens(new Uri(options.Endpoint));
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = options.Temperature,
            MaxTokens = openAiHost ? options.MaxTokens : null,
#pragma warning disable SKEXP0010
            ExtraBody = openAiHost ? null : new Dictionary<string, object?> { ["max_tokens"] = options.MaxTokens },
#pragma warning restore SKEXP0010
            Seed = options.Seed,
            ResponseFormat = json ? "json_object" : null,
        };
        // Frozen settings are safe to share across concurrent calls.
        settings.Freeze();
        return settings;
    }

    internal static bool UsesMaxCompletionTokens(Uri endpoint) =>
        endpoint.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase)
        || endpoint.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase);
}
