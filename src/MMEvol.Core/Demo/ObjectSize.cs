namespace MMEvol.Core.Demo;

/// <summary>
/// Size classes by box side. The ranges leave gaps between classes so that "larger than" is
/// never a close call (see <see cref="ShapeVocabulary.SideRange"/>).
/// </summary>
public enum ObjectSize
{
    Small,
    Medium,
    Large,
}
