namespace ContactCenter.Workers.Backoffice;

/// <summary>Another process holds the store and no service answered on the control endpoint: nothing to talk to.</summary>
internal sealed class StoreUnreachableException(string databasePath, string? endpoint, Exception inner)
    : IOException(Describe(databasePath, endpoint), inner)
{
    private static string Describe(string databasePath, string? endpoint) =>
        $"The ticket store '{databasePath}' is in use by another process (normally the running service), and " +
        (endpoint is null
            ? "the control endpoint is disabled (ContactCenter:Control:Enabled), so this command cannot reach it. Enable the endpoint, or stop the service first."
            : $"no service answered for it at {endpoint} (ContactCenter:Control:Url). Check that the service's control endpoint is enabled and uses the same address, or stop the service first.");
}
