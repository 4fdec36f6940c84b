using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Email;

/// <summary><c>ContactCenter:Mail</c>: limits and address rules of the e-mail normaliser.</summary>
internal sealed class MailNormalizerOptions
{
    public const string SectionName = "ContactCenter:Mail";

    /// <summary>
    /// Our own mailboxes (<c>urp@protezionecivile.example.it</c>) or whole domains (<c>protezionecivile.example.it</c>
    /// or <c>@protezionecivile.example.it</c>, subdomains included). Mail from them never opens a ticket.
    /// </summary>
    public List<string> OwnAddresses { get; set; } = [];

    /// <summary>100 MiB: a 50 MB attachment is about 68 MB once base64-encoded, and PEC mailboxes take up to 100 MB.</summary>
    public const long DefaultMaxMessageBytes = 100L * 1024 * 1024;

    /// <summary>
    /// A larger message is rejected to quarantine with its size. IMAP and POP3 sources do not even download it (the
    /// server's size is checked first); it stays on the server, moved to the quarantine folder where there is one.
    /// </summary>
    public long MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>A message with more attachments (TNEF contents and forwarded messages included) is rejected.</summary>
    public int MaxAttachments { get; set; } = 500;

    /// <summary>A message nesting multipart or message parts deeper than this is rejected.</summary>
    public int MaxMimeDepth { get; set; } = 64;

    /// <summary>A message with more MIME parts (containers and leaves, nested messages included) is rejected.</summary>
    public int MaxMimeParts { get; set; } = 1000;

    /// <summary>A message with a header field (name and raw value, folded lines included) longer than this is rejected.</summary>
    public int MaxHeaderBytes { get; set; } = 64 * 1024;

    /// <summary>A message whose decoded subject is longer than this (an encoded-word bomb) is rejected.</summary>
    public int MaxSubjectChars { get; set; } = 2000;

    /// <summary>A message with a part larger than this once decoded is rejected.</summary>
    public long MaxAttachmentBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>
    /// A message whose text is longer than this many characters is rejected (the archive keeps what a citizen sent;
    /// a ticket that size is no request); a longer sanitised HTML body is dropped and the ticket marked. At most 4,000,000.
    /// </summary>
    public int MaxBodyChars { get; set; } = 1_000_000;

    /// <summary>
    /// A follow-up (ticket number in the subject, In-Reply-To or References) from an address that is none of the
    /// ticket's correspondents: <c>Append</c> marks it and flags the ticket for review, <c>NewTicket</c> opens a new
    /// ticket linked to the old one.
    /// </summary>
    public FollowUpFromStrangers FollowUpFromStrangers { get; set; } = FollowUpFromStrangers.Append;

    /// <summary>
    /// Local parts containing one of these never receive a reply (the reply address falls back or stays empty).
    /// Added to the receipts' built-in list (<see cref="Core.Receipts.ReceiptOptions.BuiltInNoReplyPatterns"/>: noreply,
    /// donotreply, mailer-daemon, postmaster, bounce), compared without separators as the receipt policy compares them.
    /// </summary>
    public List<string> NoReplyPatterns { get; set; } = ["noreply", "no-reply", "donotreply", "mailer-daemon", "postmaster"];

    /// <summary>
    /// The charset for raw 8-bit header bytes that are not UTF-8 and that the charset detector does not recognise with
    /// confidence as an East Asian, Cyrillic, Greek, Hebrew, Arabic or Thai charset. Undeclared 8-bit headers from
    /// Italian mailers are nearly always windows-1252.
    /// </summary>
    public string FallbackCharset { get; set; } = "windows-1252";
}
