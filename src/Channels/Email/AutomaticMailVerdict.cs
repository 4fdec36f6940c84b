using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Email;

/// <summary>Whether a message was sent by a machine (and must get no receipt), and which header said so.</summary>
internal readonly record struct AutomaticMailVerdict(AutomaticMailKind Kind, string? Reason)
{
    public static AutomaticMailVerdict Human => new(AutomaticMailKind.None, null);
}
