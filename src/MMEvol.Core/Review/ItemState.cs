using System.Text.Json;
using System.Text.Json.Serialization;
using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// The part of an item a review changes, with the version that guards it; also the before/after
/// of an audit entry, as compact JSON.
/// </summary>
public sealed record ItemState(
    long ItemId,
    Decision FinalDecision,
    Decision AutoDecision,
    ReviewState ReviewState,
    Decision? Override,
    double? ReviewerScore,
    double? EffectiveScore,
    int Version)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ItemState Of(Instruction item) =>
        new(item.Id, item.FinalDecision, item.AutoDecision, item.ReviewState, item.Override, item.ReviewerScore, item.EffectiveScore, item.Version);

    /// <summary>Whether both say the same about the item, whatever their versions.</summary>
    public bool SameReviewAs(ItemState other) =>
        ItemId == other.ItemId
        && (FinalDecision, AutoDecision, ReviewState, Override, ReviewerScore) == (other.FinalDecision, other.AutoDecision, other.ReviewState, other.Override, other.ReviewerScore);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The state an audit entry recorded, or null where the entry is not an item review (policy changes, older formats).</summary>
    public static ItemState? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<ItemState>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
