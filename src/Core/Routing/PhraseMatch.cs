namespace ContactCenter.Core.Routing;

/// <summary>Where a rule's phrase matched: the original words and their stems, which say which words were used.</summary>
internal sealed record PhraseMatch(string Found, IReadOnlyList<string> Stems);
