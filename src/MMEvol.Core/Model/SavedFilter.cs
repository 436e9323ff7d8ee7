namespace MMEvol.Core.Model;

/// <summary>A review filter kept under a name for its dataset: reopened on the review page, or chosen as a training snapshot.</summary>
public sealed class SavedFilter
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public required string Name { get; set; }

    /// <summary>The <see cref="Review.ReviewFilter"/> as JSON.</summary>
    public required string Filter { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
