namespace ContactCenter.Workers.Cli;

/// <summary>Who acts from the command line, as recorded in a ticket's history or a quarantine record.</summary>
internal static class CliActor
{
    public static string Current => $"cli:{Environment.UserName}";
}
