namespace ContactCenter.Workers.Hosting;

/// <summary>Configuration that cannot run; each error names its key. The CLI prints them and exits with 2.</summary>
internal sealed class ConfigurationErrorException(IReadOnlyList<string> errors)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
