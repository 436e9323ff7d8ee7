using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;
using System.Text.RegularExpressions;

namespace MMEvol.Web.Components.Pages.Review;

/// <summary>
/// A word diff of an item against its parent item: what the rewrite kept, added and removed, so a
/// reviewer sees at a glance whether a round changed anything (DiffPlex, word by word).
/// </summary>
public static partial class WordDiff
{
    public enum Kind
    {
        Same,
        Added,
        Removed,
    }

    public sealed record Piece(string Text, Kind Kind);

    private static readonly Differ Differ = new();

    public static IReadOnlyList<Piece> Of(string parent, string child)
    {
        var diff = Differ.CreateDiffs(parent, child, ignoreWhiteSpace: false, ignoreCase: false, WordsAndSpaces.Instance);
        var pieces = new List<Piece>();
        var position = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(pieces, diff.PiecesNew, position, block.InsertStartB - position, Kind.Same);
            Add(pieces, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA, Kind.Removed);
            Add(pieces, diff.PiecesNew, block.InsertStartB, block.InsertCountB, Kind.Added);
            position = block.InsertStartB + block.InsertCountB;
        }
        Add(pieces, diff.PiecesNew, position, diff.PiecesNew.Count - position, Kind.Same);
        return pieces;
    }

    /// <summary>
    /// Words and the whitespace between them as separate chunks: DiffPlex's delimiter chunkers drop
    /// the delimiters, which glued a removed word to the added one beside it.
    /// </summary>
    private sealed partial class WordsAndSpaces : IChunker
    {
        public static readonly WordsAndSpaces Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Pattern().Matches(text).Select(m => m.Value).ToArray();

        [GeneratedRegex(@"\s+|\S+")]
        private static partial Regex Pattern();
    }

    private static void Add(List<Piece> pieces, IReadOnlyList<string> words, int start, int count, Kind kind)
    {
        if (count <= 0)
            return;
        var text = string.Concat(words.Skip(start).Take(count));
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        else
            pieces.Add(new Piece(text, kind));
    }
}
