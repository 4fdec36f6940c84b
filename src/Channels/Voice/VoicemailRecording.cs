using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Voice;

/// <summary>One archived recording of a voicemail and the duration its bytes show (null when unreadable).</summary>
internal sealed record VoicemailRecording(TicketAttachment Attachment, TimeSpan? Duration);
