namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// The verdict of the detections on one claim, with the fact that decided it ("the image has 2
/// triangles"). The fact describes the scene, not the claim, so it reads right under negation too.
/// </summary>
internal sealed record ClaimResult(Truth Truth, string Fact)
{
    public static ClaimResult Unknown(string fact = "") => new(Truth.Unknown, fact);

    public static ClaimResult Of(bool? holds, string fact) =>
        new(holds switch { true => Truth.Holds, false => Truth.Fails, null => Truth.Unknown }, fact);

    public ClaimResult Negated(bool negate) => !negate ? this : this with
    {
        Truth = Truth switch { Truth.Holds => Truth.Fails, Truth.Fails => Truth.Holds, _ => Truth.Unknown },
    };

    /// <summary>Several claims made together: one clear failure fails them all; all must hold to hold.</summary>
    public static ClaimResult All(IReadOnlyList<ClaimResult> parts)
    {
        if (parts.Count == 0)
        {
            return Unknown();
        }

        var failed = parts.FirstOrDefault(p => p.Truth == Truth.Fails);
        if (failed is not null)
        {
            return failed;
        }

        return parts.All(p => p.Truth == Truth.Holds) ? parts[^1] : Unknown(parts[^1].Fact);
    }
}
