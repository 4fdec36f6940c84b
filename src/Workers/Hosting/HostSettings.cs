using Microsoft.Extensions.Hosting;

namespace ContactCenter.Workers.Hosting;

/// <summary>What a command asks of the host it builds.</summary>
internal sealed record HostSettings
{
    /// <summary>The <c>--config</c> files, lowest first.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Arguments Spectre did not consume, layered last as configuration (<c>--Key=value</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Run as the service: Quartz jobs, mode watcher, systemd/Windows service integration.</summary>
    public bool Service { get; init; }

    /// <summary>
    /// The command normalises items (<c>ingest</c>, <c>quarantine retry</c>, <c>spam release</c>): the paper channels'
    /// OCR engine is loaded at start, as the service loads it. Other verbs only read the channels' configuration.
    /// </summary>
    public bool ReadsItems { get; init; }

    /// <summary>Where logs go; CLI verbs keep stdout for their output.</summary>
    public bool LogToStandardError { get; init; } = true;

    /// <summary>Quieter for verbs whose output is a table or JSON; the service and ingest log at Information.</summary>
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>A test's last word on the builder (extra logger provider, extra factories).</summary>
    public Action<HostApplicationBuilder>? Configure { get; init; }
}
