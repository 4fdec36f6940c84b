namespace ContactCenter.Core.Routing;

/// <summary>One word of a text: where it is in the original, its folded form and its stem.</summary>
internal readonly record struct TextToken(int Start, int Length, string Folded, string Stem);
