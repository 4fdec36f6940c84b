namespace ContactCenter.Workers.Cli;

/// <summary>The store's lock file is held by another process, normally the running service.</summary>
internal sealed class StoreLockedException(string databasePath, Exception inner)
    : Exception($"The ticket store '{databasePath}' is in use by another process (is the contactcenter service running?). " +
        "Stop the service to use this command; a later version talks to the running service instead.", inner);
