namespace MMEvol.Core.Evolution.Offline;

/// <summary>The nine atomic skills of METHOD.md, spelled as items list them.</summary>
internal static class AtomicSkills
{
    public const string Grounding = "Grounding";
    public const string Referencing = "Referencing";
    public const string Calculating = "Calculating";
    public const string Ocr = "OCR";
    public const string Existence = "Existence";
    public const string RelationshipDescription = "Relationship Description";
    public const string ContextUnderstanding = "Context Understanding";
    public const string BehaviorPrediction = "Behavior Prediction";
    public const string KnowledgeIntegration = "Knowledge Integration";

    public static readonly IReadOnlyList<string> All =
    [
        Grounding, Referencing, Calculating, Ocr, Existence,
        RelationshipDescription, ContextUnderstanding, BehaviorPrediction, KnowledgeIntegration,
    ];
}
