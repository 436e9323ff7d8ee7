namespace MMEvol.Core.Model;

/// <summary>The instruction formats of METHOD.md: plain Q&amp;A plus the 17 interaction formats.</summary>
public static class InstructionFormats
{
    public const string Norm = "Norm";

    public static readonly IReadOnlyList<string> Interaction =
    [
        "region_selection", "missing_object_selection", "text_image_matching", "object_region_matching",
        "completeness_of_response", "fill_in_the_blank", "image_style_classification", "art_type",
        "rationales_generation", "text_detection", "text_translation", "coreference_resolution",
        "instruction_following", "depth_order", "relative_distance", "creative_content_generation",
        "multi_choice",
    ];
}
