using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>
/// One classification rule. Every condition that is present must hold (AND); within one list any element will do
/// (OR); an empty list or a null value is no condition. A rule may leave some of Level, Category, Office and
/// Priority empty: those are then decided by the next matching rule that sets them, or by the default.
/// </summary>
public sealed class RoutingRule
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    public List<ChannelKind> Channels { get; set; } = [];
    public List<string> ChannelNames { get; set; } = [];

    /// <summary>Globs (<c>*</c>, <c>?</c>) on the sender's address when they hold an <c>@</c>, else on its domain.</summary>
    public List<string> SenderPatterns { get; set; } = [];

    /// <summary>Words or phrases: whole words, case- and accent-insensitive, plural/singular tolerant;
    /// a trailing <c>*</c> matches any word starting with the prefix.</summary>
    public List<string> Words { get; set; } = [];
    public int MinWordMatches { get; set; } = 1;

    /// <summary>Regular expressions on the original text, case-insensitive, run with a timeout.</summary>
    public List<string> Patterns { get; set; } = [];

    public bool? HasAttachment { get; set; }

    /// <summary>Content types (<c>application/pdf</c>, <c>image/*</c>) or extensions (<c>.pdf</c>, <c>p7m</c>).</summary>
    public List<string> AttachmentTypes { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<string> CategoryHints { get; set; } = [];
    public TextScope Where { get; set; } = TextScope.Both;

    public ServiceLevel? Level { get; set; }
    public string? Category { get; set; }
    public string? Office { get; set; }
    public TicketPriority? Priority { get; set; }
}
