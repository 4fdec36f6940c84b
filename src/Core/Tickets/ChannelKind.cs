namespace ContactCenter.Core.Tickets;

/// <summary>How the citizen wrote to us; counted separately in the public statistics.</summary>
public enum ChannelKind
{
    Email,
    Pec,
    Fax,
    Postal,
    WebForm,
}
