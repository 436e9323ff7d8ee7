using MMEvol.Core.Evolution.Prompts;
using MMEvol.Core.Llm;

namespace MMEvol.Core.Evolution.Llm;

/// <summary>
/// Evolves through a chat model (OpenAI, Azure, vLLM, Ollama, LM Studio): the direction's prompt,
/// the image as a JPEG no larger than 512 px, the answer returned raw for the parser to repair.
/// A call that still fails after the client's retries throws; the round then fails with the reason.
/// </summary>
internal sealed class LlmEvolver(LlmClient client, LlmOptions options, PreparedImages images) : IEvolver
{
    public string Name => "llm:" + options.Model;

    public async Task<EvolutionResponse> EvolveAsync(EvolutionRequest request, CancellationToken cancellationToken)
    {
        var prompt = EvolutionPrompts.Build(request);
        var image = request.ImagePath is null ? null : images.Jpeg(request.ImagePath, request.ImageSha256);
        var call = await client.CompleteAsync(prompt.System, prompt.User, image, json: true, cancellationToken);
        return new EvolutionResponse(call.Text, options.Model, prompt.Version, call.LatencyMs, call.PromptTokens, call.CompletionTokens, Cost: call.Cost);
    }
}
