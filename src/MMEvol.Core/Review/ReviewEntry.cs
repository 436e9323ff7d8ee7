using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>One line of an item's audit history; the states are null where the entry did not record them as an item review.</summary>
public sealed record ReviewEntry(long Id, ReviewAction Action, string User, DateTimeOffset At, ItemState? Before, ItemState? After, string? Note, Guid? BulkId);
