namespace ContactCenter.Channels.Email;

/// <summary>A channel of <c>Type</c> <c>Pop3</c>.</summary>
public class Pop3ChannelOptions : MailConnectionOptions
{
    public Pop3AfterImport AfterImport { get; set; } = Pop3AfterImport.Delete;

    /// <summary>
    /// Folder of the UIDL state file (imported UIDLs in Keep mode, rejected ones in both modes);
    /// default <c>{Store:DataDirectory}/state</c>.
    /// </summary>
    public string? StateDirectory { get; set; }
}
