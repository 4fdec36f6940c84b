namespace ContactCenter.Core.Tickets;

/// <summary>How the citizen wrote to us; counted separately in the public statistics.</summary>
public enum ChannelKind
{
    Email,
    Pec,
    Fax,
    Postal,
    WebForm,

    /// <summary>A voicemail left on the toll-free line, delivered by the PBX as an e-mail with the audio.</summary>
    Voicemail,

    /// <summary>A call an operator could not answer at once, registered by the operator.</summary>
    Phone,
}
