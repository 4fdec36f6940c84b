namespace ContactCenter.Workers.Cli;

/// <summary>A command used wrongly (unknown ticket number format, unknown channel): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
