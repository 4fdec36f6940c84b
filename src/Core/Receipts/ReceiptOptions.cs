namespace ContactCenter.Core.Receipts;

/// <summary><c>ContactCenter:Receipts</c>: who gets a "presa in carico", what it says and how hard we try.</summary>
public sealed class ReceiptOptions
{
    public const string SectionName = "ContactCenter:Receipts";

    /// <summary>Never answered, whatever is configured: RFC 3834 and RFC 2142 system mailboxes.</summary>
    public static readonly IReadOnlyList<string> BuiltInNoReplyPatterns =
        ["noreply", "no-reply", "donotreply", "mailer-daemon", "postmaster", "bounce"];

    public bool Enabled { get; set; } = true;

    /// <summary>Sender of the receipts, e.g. <c>Contact Center Protezione Civile &lt;contactcenter@example.it&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Our own addresses (<c>user@domain</c>) or domains (<c>@domain</c> or <c>domain</c>): never answered.</summary>
    public List<string> OwnAddresses { get; set; } = [];

    /// <summary>Extra local-part patterns added to <see cref="BuiltInNoReplyPatterns"/>.</summary>
    public List<string> NoReplyPatterns { get; set; } = [];

    public int MaxPerSenderPerDay { get; set; } = 10;

    /// <summary>Backlog guard: no receipt for a message received longer ago than this.</summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The day of the per-sender limit starts at midnight in this time zone.</summary>
    public string TimeZone { get; set; } = "Europe/Rome";

    public string TemplateText { get; set; } = "templates/receipt.it.txt";
    public string? TemplateHtml { get; set; } = "templates/receipt.it.html";
    public string EmergencyTemplateText { get; set; } = "templates/receipt-emergency.it.txt";
    public string? EmergencyTemplateHtml { get; set; } = "templates/receipt-emergency.it.html";
    public string SubjectTemplate { get; set; } = "[{{TicketNumber}}] Presa in carico: {{Subject}}";

    public string ContactCenterName { get; set; } = "Contact Center della Protezione Civile";
    public string ServiceHours { get; set; } = "dal lunedì al venerdì, dalle 9:00 alle 18:00 (esclusi i festivi)";
    public string EmergencyServiceHours { get; set; } = "24 ore su 24, 7 giorni su 7";

    public RetryBackoffOptions RetryBackoff { get; set; } = new();

    /// <summary>After this many failed attempts the receipt is abandoned and the ticket's history says so.</summary>
    public int MaxAttempts { get; set; } = 50;

    /// <summary>Outbox rows taken per run of the sender.</summary>
    public int BatchSize { get; set; } = 50;
}
