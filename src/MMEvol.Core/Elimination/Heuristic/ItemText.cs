using MMEvol.Core.Formats;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>An item's text normalized and split once, for every check that reads it.</summary>
internal sealed class ItemText
{
    // Parent items are only scored, never read sentence by sentence.
    private readonly Lazy<IReadOnlyList<string>> _questionSentences;
    private readonly Lazy<IReadOnlyList<string>> _answerSentences;
    private ChoiceOptions? _choice;
    private bool _choiceParsed;

    public ItemText(SourceItem item)
    {
        Item = item;
        Question = TextNormalizer.Normalize(item.Question);
        Answer = TextNormalizer.Normalize(item.Answer);
        _questionSentences = new(() => SentenceSplitter.Split(Question), LazyThreadSafetyMode.None);
        _answerSentences = new(() => SentenceSplitter.Split(Answer), LazyThreadSafetyMode.None);
    }

    public SourceItem Item { get; }

    public string Question { get; }

    public string Answer { get; }

    public IReadOnlyList<string> QuestionSentences => _questionSentences.Value;

    public IReadOnlyList<string> AnswerSentences => _answerSentences.Value;

    /// <summary>The question's multiple-choice options, parsed from its original spelling; null for none.</summary>
    public ChoiceOptions? Choice
    {
        get
        {
            if (!_choiceParsed)
            {
                (_choice, _choiceParsed) = (ChoiceOptions.Parse(Item.Question), true);
            }

            return _choice;
        }
    }
}
