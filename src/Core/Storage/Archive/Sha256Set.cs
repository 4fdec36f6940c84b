using System.Collections;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// The archive names a store refers to, each held as its 32 bytes (about 40 bytes an entry, against about 180 for a
/// 64-character string in a set): a store of some years names millions of files, and <c>store backup</c> and
/// <c>store verify</c> hold every name at once. Names compare without case. A name that is not 64 hex digits (a
/// damaged record) is kept as written, so it is still looked for and reported. Enumerates the names in ordinal order
/// of their lowercase text (archive folder order), each string made as it is reached, then any damaged ones.
/// </summary>
public sealed class Sha256Set : IReadOnlyCollection<string>
{
    private readonly HashSet<Sha256Key> keys = [];
    private readonly HashSet<string> others = new(StringComparer.OrdinalIgnoreCase);

    public int Count => keys.Count + others.Count;

    /// <returns>False when the name was there already.</returns>
    public bool Add(string sha256) => Sha256Key.TryParse(sha256, out var key) ? keys.Add(key) : others.Add(sha256);

    public bool Contains(string sha256) => Sha256Key.TryParse(sha256, out var key) ? keys.Contains(key) : others.Contains(sha256);

    public IEnumerator<string> GetEnumerator()
    {
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        foreach (var key in sorted)
        {
            yield return key.ToString();
        }

        foreach (var other in others.Order(StringComparer.Ordinal))
        {
            yield return other;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
