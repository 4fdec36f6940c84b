namespace ContactCenter.Core.Tickets;

/// <summary>Backoffice level: the first answers from the knowledge base, the second involves the offices.</summary>
public enum ServiceLevel
{
    First = 1,
    Second = 2,
}
