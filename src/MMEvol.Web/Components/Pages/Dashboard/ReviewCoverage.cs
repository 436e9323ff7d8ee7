namespace MMEvol.Web.Components.Pages.Dashboard;

/// <summary>
/// How much of a dataset reviewers have seen, and how often they agreed with the automatic
/// decision: a confirmation agrees, an override agrees only when it chose what the policy chose.
/// </summary>
public sealed record ReviewCoverage(int Items, int Confirmed, int Overridden, int OverridesAgreeing)
{
    public int Unreviewed => Items - Confirmed - Overridden;

    public int Reviewed => Confirmed + Overridden;

    public double? JudgeAgreement => Reviewed == 0 ? null : (double)(Confirmed + OverridesAgreeing) / Reviewed;
}
