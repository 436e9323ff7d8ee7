using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution.Prompts;
using MMEvol.Core.Llm;

namespace MMEvol.Core.Evolution.Llm;

/// <summary>
/// Judges through a chat model, text only, against the immediate parent list (the released code
/// judged against the seed: METHOD.md lists that as a defect not to copy). An answer that does not
/// line up with the items is unusable and makes the round JudgeFailed, re-judgeable later.
/// </summary>
internal sealed class LlmJudge(LlmClient client, LlmOptions options) : IJudge
{
    public string Name => "llm:" + options.Model;

    public async Task<JudgeResponse> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        var prompt = JudgePrompts.Build(request);
        var call = await client.CompleteAsync(prompt.System, prompt.User, null, json: true, cancellationToken);
        var response = JudgeAnswerParser.Parse(call.Text, request.Items.Count, JudgePrompts.IsScoreOnly(request), Name, call.LatencyMs);
        return response with { PromptTokens = call.PromptTokens, CompletionTokens = call.CompletionTokens, Cost = call.Cost };
    }
}
