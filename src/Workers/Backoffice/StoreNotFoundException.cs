namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// A command meant for an existing store found none where its configuration points. Creating one there would register
/// phone calls and corrections in a store no service reads, and report its empty counts as the service's.
/// </summary>
internal sealed class StoreNotFoundException(string databasePath, string? answeringService)
    : IOException(Describe(databasePath, answeringService))
{
    private static string Describe(string databasePath, string? answeringService) =>
        $"No ticket store at '{databasePath}'. " +
        (answeringService is null ? "" : $"Answering at {answeringService}. ") +
        "Pass the service's configuration with --config (installed: /etc/contactcenter/appsettings.json, or set CONTACTCENTER_CONFIG), " +
        "or start the service once to create the store.";
}
