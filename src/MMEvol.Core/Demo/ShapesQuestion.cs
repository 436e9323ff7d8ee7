namespace MMEvol.Core.Demo;

/// <summary>A seed question with its answer, as a LLaVA conversation turn pair would hold it.</summary>
public sealed record ShapesQuestion(string Question, string Answer);
