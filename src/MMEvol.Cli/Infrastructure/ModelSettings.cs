using System.ComponentModel;
using MMEvol.Core.Llm;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Infrastructure;

/// <summary>
/// How to reach a chat model, for the commands that can use one (evolve, judge). The key is never
/// an option: only the name of the environment variable that holds it.
/// </summary>
public class ModelSettings : StoreSettings
{
    [CommandOption("--endpoint <URL>")]
    [Description("OpenAI-compatible API root: https://api.openai.com/v1 (default), http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio), or an Azure OpenAI v1 endpoint.")]
    public string Endpoint { get; init; } = "https://api.openai.com/v1";

    [CommandOption("--model <NAME>")]
    [Description("Model name as the server knows it, e.g. gpt-4o-mini or Qwen/Qwen2-VL-7B-Instruct.")]
    public string? Model { get; init; }

    [CommandOption("--api-key-env <VAR>")]
    [Description("Name of the environment variable holding the API key (never stored, logged or shown). Omit for local servers without keys.")]
    public string? ApiKeyEnv { get; init; }

    [CommandOption("--temperature <T>")]
    [Description("Sampling temperature, 0-2.")]
    [DefaultValue(0.7)]
    public double Temperature { get; init; } = 0.7;

    [CommandOption("--max-tokens <N>")]
    [Description("Most tokens one answer may have.")]
    [DefaultValue(2048)]
    public int MaxTokens { get; init; } = 2048;

    [CommandOption("--model-seed <S>")]
    [Description("Sampling seed sent to the server (servers that honour it answer more repeatably).")]
    public int? ModelSeed { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Time one attempt of a call may take before it is abandoned and retried.")]
    [DefaultValue(60.0)]
    public double Timeout { get; init; } = 60;

    [CommandOption("--retries <N>")]
    [Description("Retries of a call after a timeout, 429 (Retry-After honoured), 5xx or a dropped connection, within five minutes per call.")]
    [DefaultValue(4)]
    public int Retries { get; init; } = 4;

    [CommandOption("--price-input <USD>")]
    [Description("Price per million input tokens, for cost figures and --max-cost (e.g. 0.15 for gpt-4o-mini).")]
    [DefaultValue(0.0)]
    public double PriceInput { get; init; }

    [CommandOption("--price-output <USD>")]
    [Description("Price per million output tokens (e.g. 0.60 for gpt-4o-mini).")]
    [DefaultValue(0.0)]
    public double PriceOutput { get; init; }

    /// <summary>The model's options, or null when no model was named.</summary>
    public LlmOptions? Llm()
    {
        if (Model is null)
            return null;
        var options = new LlmOptions
        {
            Endpoint = Endpoint,
            Model = Model,
            ApiKeyEnv = ApiKeyEnv,
            Temperature = Temperature,
            MaxTokens = MaxTokens,
            Seed = ModelSeed,
            AttemptTimeoutSeconds = Timeout,
            TotalTimeoutSeconds = Math.Max(300, Timeout),
            MaxRetries = Retries,
            PricePerMillionInputTokens = PriceInput,
            PricePerMillionOutputTokens = PriceOutput,
        };
        options.Validate();
        return options;
    }
}
