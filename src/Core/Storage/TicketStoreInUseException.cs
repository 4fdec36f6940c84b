namespace ContactCenter.Core.Storage;

/// <summary>
/// Another process (normally the running service) holds the store. A CLI verb should then go through the service's
/// control endpoint instead of opening the file.
/// </summary>
public sealed class TicketStoreInUseException : IOException
{
    public TicketStoreInUseException(string databasePath, Exception innerException)
        : base($"The ticket store '{databasePath}' is in use by another process (is the service running?). " +
               "Use the service's control endpoint, or stop the service first.", innerException)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }
}
