namespace ContactCenter.Core.Tickets;

/// <summary>
/// What the learned routing model said about a request, kept on the ticket so an operator sees why: the model's
/// version, its level and category with their probabilities, the words that weighed most, and whether it decided.
/// </summary>
public sealed class ModelVerdict
{
    public int Version { get; set; }
    public ServiceLevel Level { get; set; }
    public double LevelProbability { get; set; }
    public string Category { get; set; } = "";
    public double CategoryProbability { get; set; }

    /// <summary>The words that pushed most towards the model's level, heaviest first, e.g. <c>crepe (+0.41)</c>.</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>True when the model's level or category is the one the ticket got (no rule decided it, or it overrode).</summary>
    public bool Decided { get; set; }

    /// <summary>Set when the model decided with less confidence than configured: the ticket is flagged for review.</summary>
    public string? ReviewReason { get; set; }
}
