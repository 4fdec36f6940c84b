namespace ContactCenter.Workers.Control;

/// <summary>What an API key may do; each role includes the ones before it.</summary>
internal enum ControlRole
{
    /// <summary>Reads tickets, quarantine, mode, statistics, status and metrics.</summary>
    Reader = 1,

    /// <summary>Also changes tickets and acts on quarantined items.</summary>
    Operator = 2,

    /// <summary>Also switches the service mode.</summary>
    Admin = 3,
}
