namespace ContactCenter.Workers.Cli.Channels;

/// <summary>One line of <c>channels check</c>: what was checked, whether it passed, and what was found or what to fix.</summary>
internal sealed record CheckResult(string Subject, bool Passed, string Message)
{
    public static CheckResult Ok(string subject, string message) => new(subject, true, message);

    public static CheckResult Fail(string subject, string message) => new(subject, false, message);
}
