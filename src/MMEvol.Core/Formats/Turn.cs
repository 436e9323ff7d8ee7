namespace MMEvol.Core.Formats;

/// <summary>One conversation turn as LLaVA ("human"/"gpt") or ShareGPT ("user"/"assistant") writes it.</summary>
internal sealed record Turn(bool FromHuman, string Text, string Path);
