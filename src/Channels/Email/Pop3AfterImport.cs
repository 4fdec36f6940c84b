namespace ContactCenter.Channels.Email;

/// <summary>What happens to a POP3 message once its ticket is durably stored.</summary>
public enum Pop3AfterImport
{
    /// <summary>Deleted on the server (committed by QUIT).</summary>
    Delete,

    /// <summary>Left on the server; its UIDL is remembered in a state file so it is imported once.</summary>
    Keep,
}
