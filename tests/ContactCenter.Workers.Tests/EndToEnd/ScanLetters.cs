namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>The files of a scan-folder test and the source keys of the letters each holds.</summary>
internal sealed class ScanLetters(IReadOnlyDictionary<string, IReadOnlyList<string>> keysByFile)
{
    public IReadOnlyList<string> Files => keysByFile.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> AllKeys => keysByFile.Values.SelectMany(k => k).ToList();

    public IReadOnlyList<string> KeysOf(string file) => keysByFile[file];

    /// <summary>
    /// Checks what must hold after any crash: no ticket twice; a file's letters stored all or none (one transaction);
    /// every file in exactly one place; a file in done/ only once its letters are stored. Returns the files stored.
    /// </summary>
    public IReadOnlyList<string> AssertConsistent(ScanFolderState state)
    {
        var keys = state.Store.SourceKeys;
        keys.Should().OnlyHaveUniqueItems().And.BeSubsetOf(AllKeys);
        var stored = new List<string>();
        foreach (var file in Files)
        {
            var found = KeysOf(file).Count(keys.Contains);
            found.Should().BeOneOf([0, KeysOf(file).Count], $"the letters of {file} are stored together or not at all");
            var inInbox = state.Inbox.Contains(file);
            var inDone = state.Done.Contains(ScanFolderState.DatedDonePath(file));
            (inInbox ^ inDone).Should().BeTrue($"{file} is either still in the scan folder or in done/, never lost or doubled");
            if (found > 0)
            {
                stored.Add(file);
            }
            else
            {
                inInbox.Should().BeTrue($"{file} has no ticket, so it must not have been moved");
            }
        }

        state.Done.Should().HaveCount(state.Done.Count(d => Files.Any(f => d == ScanFolderState.DatedDonePath(f))), "done/ holds only dated copies of these files");
        return stored;
    }
}
