using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>The blanks a subject offers: its region, its color, its side of another object, a count.</summary>
internal static class Blanks
{
    public static List<Blank> Candidates(RewriteContext context, GroundedObject? subject)
    {
        var scene = context.Scene;
        var random = context.Random;
        var blanks = new List<Blank>();
        if (subject is not null && DetectionScene.Region(subject) is { } region)
        {
            var other = context.Pick(T.Regions.Where(r => r != region).ToList());
            blanks.Add(new Blank(T.BlankRegion(subject.Label), region, T.InRegion(subject.Label, region),
                other, T.InRegion(subject.Label, other), log => log.Ground(subject)));
        }

        if (subject is { Color: { } color } && scene.OnlyOfNoun(subject.Noun) == subject)
        {
            var other = context.Pick(T.PaletteColors.Where(c => c != color).ToList());
            blanks.Add(new Blank(T.BlankColor(subject.Noun), color, T.ColorClaim(subject.Noun, color),
                other, T.ColorClaim(subject.Noun, other), log => log.Refer(subject)));
        }

        var partners = scene.Named.Where(o => o != subject).ToList();
        var partner = subject is null || partners.Count == 0 ? null : context.Pick(partners);
        if (subject is not null && partner is not null && SpatialFacts.Relate(subject, partner, horizontal: true) is not null)
        {
            var (word, wrong) = subject.CenterX < partner.CenterX ? ("left", "right") : ("right", "left");
            blanks.Add(new Blank(T.BlankSide(subject.Label, partner.Label), word, T.Relation(subject.Label, word + " of", partner.Label),
                wrong, T.Relation(subject.Label, wrong + " of", partner.Label), log =>
                {
                    log.Ground(subject);
                    log.Ground(partner);
                    log.Skill(AtomicSkills.RelationshipDescription);
                }));
        }

        var kind = subject?.Noun ?? context.Pick(scene.Nouns);
        var members = CountFacts.Members(scene, kind);
        var n = members.Count;
        var miscount = n > 1 && random.Next(2) == 0 ? n - 1 : n + 1;
        var plural = LabelWords.Plural(kind);
        blanks.Add(new Blank(T.BlankCount(plural), T.Int(n), T.Count(n, kind, plural),
            T.Int(miscount), T.Count(miscount, kind, plural), log =>
            {
                log.Calculate(T.CountOf(log.GroundGroup(plural, members)), T.Int(n), T.CountBoxes);
            }));
        return blanks;
    }
}
