using System.Globalization;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Every word the offline evolver can write, in one place: a benchmark split is checked to use
/// wording that never appears here, so evolved training data cannot leak its templates. Claims
/// are plain sentences ("The red circle is left of the blue square.") that a heuristic judge can
/// read back against the detections.
/// </summary>
internal static class OfflineTemplates
{
    public const string ThatObject = "that object";
    public const string ConclusionPrefix = "So ";
    public const string LeftOf = "left of";
    public const string RightOf = "right of";
    public const string Above = "above";
    public const string Below = "below";
    public const string TrueWord = "True";
    public const string FalseWord = "False";
    public const string Blank = "___";

    public static readonly IReadOnlyList<string> Regions =
        ["top left", "top", "top right", "left", "center", "right", "bottom left", "bottom", "bottom right"];

    /// <summary>The colors offered as options and wrong answers (the Shapes world's palette).</summary>
    public static readonly IReadOnlyList<string> PaletteColors = ["red", "orange", "yellow", "green", "blue", "purple", "black"];

    /// <summary>Words read as a color when a label starts with one.</summary>
    public static readonly IReadOnlyList<string> ColorWords = [.. PaletteColors, "white", "gray", "brown", "pink"];

    // Lead-ins a model puts before a multi-part question; the clauses themselves end in "?".
    public static readonly IReadOnlyList<string> ReasoningLeads =
    [
        "Work it out step by step from the boxes.",
        "Reason over the object boxes before answering.",
        "Answer each part in order, using the detected boxes.",
    ];

    // Prompt-template words a careless model copies into its rewrite (WizardLM's check (d)).
    public static readonly IReadOnlyList<string> EchoPatterns =
    [
        "#Given Prompt#: {0}\n#Rewritten Prompt#: {1}",
        "Rewritten prompt: {1}",
        "Given prompt: {0}\nRewritten prompt: {1}",
        "#Rewritten Prompt#:\n{1}",
    ];

    // Perception and shared single-object questions.
    public static string WhereLocated(string label) => $"In which part of the image is the {label} located?";
    public static string WhichColor(string phrase) => $"Which color does {phrase} have?";
    public const string WhichSmallest = "Which object takes up the least space in the image?";
    public static string WhichClosest(string label) => $"Which object sits closest to the {label}?";
    public static string HowMany(string plural) => $"How many {plural} does the picture show?";
    public static string Contains(string withArticle) => $"Does the picture contain {withArticle}?";

    // Reasoning clauses; a phrase is "the red circle" or "that object" (the previous answer).
    public static string CoversMore(string a, string b) => $"Which one covers more of the image, {a} or {b}?";
    public static string SitsFurther(string a, string b, string direction) => $"Of {a} and {b}, which sits further {direction}?";
    public static string CloserTo(string c, string a, string b) => $"Which is closer to {c}, {a} or {b}?";
    public static string LiesNearest(string phrase) => $"Which object lies nearest to {phrase}?";
    public static string PartOfImage(string phrase) => $"In which part of the image does {phrase} lie?";
    public static string LeftOrRight(string a, string b) => $"Is {a} left or right of {b}?";
    public static string AboveOrBelow(string a, string b) => $"Is {a} above or below {b}?";
    public static string HowManyBeside(string relation, string phrase) => $"How many objects lie {relation} {phrase}?";
    public static string HoldsMore(string plural1, string plural2) => $"Does the picture hold more {plural1} than {plural2}?";
    public static string AlsoContains(string withArticle) => $"Does the picture also contain {withArticle}?";

    public static string FurtherWord(string relation) => relation switch
    {
        "left of" => "to the left",
        "right of" => "to the right",
        "above" => "up",
        _ => "down",
    };

    // Claims.
    public static string Relation(string a, string relation, string b) => $"The {a} is {relation} the {b}.";
    public static string Larger(string big, string small) => $"The {big} is larger than the {small}.";
    public static string Closer(string near, string anchor, string far) => $"The {near} is closer to the {anchor} than the {far} is.";
    public static string Closest(string near, string anchor) => $"The {near} is closest to the {anchor}.";
    public static string InRegion(string label, string region) => $"The {label} is in the {region} of the image.";
    public static string ColorClaim(string noun, string color) => $"The {noun} is {color}.";
    public static string Smallest(string label) => $"The {label} is the smallest object in the image.";
    public static string More(string plural1, string plural2) => $"There are more {plural1} than {plural2}.";
    public static string Present(string withArticle) => $"Yes, there is {withArticle}.";
    public static string Absent(string label) => $"No, there is no {label}.";

    public static string Count(int n, string singular, string plural) =>
        n == 1 ? $"There is 1 {singular}." : $"There are {Int(n)} {plural}.";

    public static string Beside(int n, string relation, string label) => n switch
    {
        0 => $"No object lies {relation} the {label}.",
        1 => $"1 object lies {relation} the {label}.",
        _ => $"{Int(n)} objects lie {relation} the {label}.",
    };

    // Working sentences: the numbers behind a claim.
    public static string AtBox(string label, Detection box) => $"The {label} is at {Box(box)}.";
    public static string GroupAt(string plural, IEnumerable<Detection> boxes) => $"The {plural} are at {string.Join(", ", boxes.Select(Box))}.";
    public static string NoBox(string label) => $"No box matches {label}.";
    public static string Covers(string a, double areaA, string b, double areaB) => $"The {a} covers {Area(areaA)} of the image and the {b} {Area(areaB)}.";
    public static string CentersAt(string a, double ax, double ay, string b, double bx, double by) =>
        $"The center of the {a} is at ({Num(ax)}, {Num(ay)}) and the center of the {b} at ({Num(bx)}, {Num(by)}).";
    public static string CenterAt(string label, double x, double y) => $"The center of the {label} is at ({Num(x)}, {Num(y)}).";
    public static string Distances(string anchor, string a, double da, string b, double db) =>
        $"Measured from the {anchor}, the {a} is {Num(da)} away and the {b} {Num(db)}.";
    public static string NextNearest(double nearest, double next) => $"The nearest center is {Num(nearest)} away, the next one {Num(next)}.";
    public static string AreaRange(double smallest, double next) => $"The smallest box covers {Area(smallest)} of the image, the next smallest {Area(next)}.";
    public static string Zoom(string box, string label) => $"Zooming 2x into {box} shows the {label}.";
    public static string Conclusion(string claim) => ConclusionPrefix + char.ToLowerInvariant(claim[0]) + claim[1..];

    // Step manipulations (METHOD.md's visual operations).
    public static string BoxName(int k) => $"bbx_{Int(k)}";
    public static string GroundingOp(int k, string target) => $"Grounding_{Int(k)}({target})->{BoxName(k)}";
    public static string GroundingNone(int k, string target) => $"Grounding_{Int(k)}({target})->none";
    public static string ReferringOp(string box, string label) => $"Referring({box})->{label}";
    public static string CalculateOp(string arguments, string result) => $"Calculate({arguments})->{result}";
    public const string AreaMeasure = "area";
    public const string CenterMeasure = "center";
    public const string AreaOfEveryBox = "area(every box)";
    public static string Measures(string measure, string a, string b) => $"{measure}({a}), {measure}({b})";
    public static string CenterOf(string box) => $"center({box})";
    public static string CenterAgainstAll(string box) => $"center({box}), every center";
    public static string CountOf(string box) => $"count({box})";
    public static string CountsOf(string a, string b) => $"count({a}), count({b})";
    public static string DistanceToEvery(string box) => $"distance({box}, every box)";
    public static string DistancesFrom(string anchor, string a, string b) => $"distance({anchor}, {a}), distance({anchor}, {b})";
    public const string CompareAreas = "Compare the box areas.";
    public const string CompareCenters = "Compare the box centers.";
    public const string CompareDistances = "Compare the distances between box centers.";
    public const string CountBoxes = "Count the matching boxes.";
    public const string ThirdsOfImage = "Place the box center in thirds of the image.";

    // Interaction formats.
    public static string AppearsWhere(string label) => $"Where does the {label} appear in the image?";
    public static string FramesBox(string label) => $"Which box frames the {label}?";
    public const string NotContained = "Which of these objects does the image not contain?";
    public static string FillIn(string sentence) => $"Fill in the blank: {sentence}";
    public static string BlankRegion(string label) => $"The {label} is in the {Blank} of the image.";
    public static string BlankCount(string plural) => $"The number of {plural} in the picture is {Blank}.";
    public static string BlankColor(string noun) => $"The {noun} is {Blank}.";
    public static string BlankSide(string a, string b) => $"The {a} is {Blank} of the {b}.";
    public static string BlankIs(string word) => $"The blank is {word}.";

    /// <summary>The claim with its leading object left out, or null when it does not start with that object.</summary>
    public static string? BlankLeading(string claim, string label) =>
        claim.StartsWith($"The {label} ", StringComparison.Ordinal) ? $"The {Blank} {claim[($"The {label} ".Length)..]}" : null;
    public static string FinishAnswer(string question, string blanked) => $"Fill in the blank to finish the answer to \"{question}\": {blanked}";
    public static string MatchStatement(string statement) => $"Does this statement match the image? \"{statement}\"";
    public static string WhichCloser(string anchor, string a, string b) => $"Which is closer to the {anchor}: the {a} or the {b}?";
    public static string FillsBox(Detection box) => $"Which object fills the box {Box(box)}?";
    public static string StartWithThe(string label) => $"Answer in one sentence that starts with \"The\": where in the image is the {label}?";
    public static string OneShortSentence(string plural) => $"Reply with one short sentence: how many {plural} does the picture show?";
    public static string ExplainFact(string claim) => $"Give the reasoning, citing the boxes, behind this fact: \"{claim}\"";

    // Records without detections: the parent's own words, reformatted.
    public static string FillInAnswerTo(string question, string blanked) => $"Fill in the blank in this answer to \"{question}\": {blanked}";
    public static string AnswerBriefly(string question) => $"Read the question, then answer it as briefly as the picture allows.\n{question}";
    public const string NoMatch = "The statement does not match the picture.";

    public static string Option(int index, string text) => $"{Letter(index)}. {text}";

    public static string WithOptions(string question, IEnumerable<string> options) =>
        question + "\n" + string.Join("\n", options.Select((o, i) => Option(i, o)));

    public static string The(string label) => "the " + label;

    public static string WithArticle(string phrase) =>
        (phrase.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(phrase[0])) ? "an " : "a ") + phrase;

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    public static string Box(Detection d) => $"[{Num(d.X1)}, {Num(d.Y1)}, {Num(d.X2)}, {Num(d.Y2)}]";

    public static string Num(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Area(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
