namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Reads an item's answer (and its question where the answer needs it) against the detections and
/// reports a claim the scene clearly contradicts. This is the one list of what it understands;
/// "picture", "photo" and "scene" read as "image", and box coordinates in the text are ignored.
/// <list type="bullet">
/// <item>Count, by shape word, color word or full label, digits or words zero..ten ("a" means at least
/// one): "There are 3 triangles.", "I can see two circles and a square.", "There is 1 red circle.",
/// "The image contains no purple circles.", "The number of red shapes is 2." (<see cref="CountClaims"/>).</item>
/// <item>Existence: "Yes, there is a red circle.", "No, there is no purple circle.", "The red circle is not
/// in the image.", "No hexagon is visible." (<see cref="CountClaims"/>, <see cref="ExistenceClaims"/>).</item>
/// <item>Count comparison: "There are more triangles than circles." (<see cref="CountComparisonClaims"/>).</item>
/// <item>Count beside an object: "2 objects lie left of the red circle.", "No object lies above the blue square."
/// (<see cref="RelativeCountClaims"/>).</item>
/// <item>Color of a shape that is unique in the scene: "The triangle is yellow." (<see cref="ColorClaims"/>); two
/// shapes' colors compared: "The circle is the same color as the square." (<see cref="ColorMatchClaims"/>).</item>
/// <item>Relative position by box centers: "The red circle is to the left of the blue square.", "... right of /
/// above / below / higher than ..." (<see cref="PositionClaims"/>).</item>
/// <item>Region by thirds of the center: "The red circle is in the top left corner of the picture.", "... at
/// the top ...", "... on the left side ...", "... in the center ..."; "... in the top half ..." by halves
/// (<see cref="RegionClaims"/>).</item>
/// <item>Size by box area: "The blue square is larger than the red circle.", "The largest shape is the blue
/// square.", "The green triangle is the smallest shape." (<see cref="SizeClaims"/>).</item>
/// <item>Distance by centers: "The red circle is closest to the blue square.", "The red circle is closer to the
/// blue square than the green triangle is." (<see cref="DistanceClaims"/>).</item>
/// <item>Negation of any of these: "The red circle is not left of the blue square."</item>
/// <item>Yes/no answers to "Is there a ...?", "Are there 3 ...?", "Is the X left of the Y?", "Does the image
/// contain ...?" (<see cref="YesNoQuestions"/>).</item>
/// <item>Short answers: "How many triangles are there?" "2"; "How many objects lie left of the blue square?" "3";
/// "What color is the triangle?" "Yellow"; "Where is the red circle?" "Top left"; "Is the red circle on the left
/// or the right side?" "Left"; "Which shape is the largest?" "The blue square"; "Which object lies nearest to the
/// red circle?" "The green triangle" (the question fixes the reading); "Which is further left, the red circle or
/// the blue square?" "The red circle"; "Which of these objects does the image not contain?" "B"
/// (<see cref="ShortAnswers"/>).</item>
/// <item>Multiple choice ("A. ..." options, answer "B" or "B. text"): the picked option read as the short
/// answer to the stem, or as a statement when the stem asks which statement is true or false
/// (<see cref="ChoiceOptions"/>).</item>
/// <item>True/false ("True"/"False", or yes/no when the question asks if it is true or matches the image) about a
/// quoted statement or one after "True or false:".</item>
/// <item>Fill in the blank: the answer ("two", or "The blank is two.") put into the question's one "___" and the
/// sentence read as a claim.</item>
/// <item>Boxes: "The blue hexagon is at [0.531, 0.254, 0.586, 0.309]." and the option picked for "Which box frames
/// the red triangle?" must match the detections (<see cref="BoxClaims"/>).</item>
/// </list>
/// A reasoning answer is read sentence by sentence, so its plain concluding sentence ("So the blue square
/// is larger than the red circle.") is checked. A sentence no form recognizes is not a contradiction, and
/// nothing inside <see cref="Margins"/> is ever flagged.
/// </summary>
internal static class ClaimChecker
{
    public static string? Contradiction(ItemText text, SceneIndex scene)
    {
        if (StatementEvaluator.FirstFailure(text.AnswerSentences, scene) is { } failure)
        {
            return $"answer says \"{failure.Sentence}\", but {failure.Fact}";
        }

        return QuestionClaims.Contradiction(text, scene) ?? BoxClaims.Contradiction(text, scene.Detections);
    }
}
