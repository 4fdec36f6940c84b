namespace ContactCenter.Core.Storage;

/// <summary>Ordinary service, or the emergency one (faster polls, 24/7, other templates and due dates).</summary>
public enum ServiceMode
{
    Ordinary,
    Emergency,
}
