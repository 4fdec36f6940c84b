namespace ContactCenter.Channels.Email;

/// <summary>The JSON shape of a POP3 channel's UIDL state file.</summary>
internal sealed class Pop3UidlStateFile
{
    /// <summary>UIDLs already imported (Keep mode).</summary>
    public List<string> Imported { get; set; } = [];

    /// <summary>UIDLs rejected to quarantine, with the reason: POP3 has no folder to move them to.</summary>
    public Dictionary<string, string> Rejected { get; set; } = [];
}
