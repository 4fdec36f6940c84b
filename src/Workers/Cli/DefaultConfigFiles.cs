namespace ContactCenter.Workers.Cli;

/// <summary>
/// The configuration files a command reads when it is given no <c>--config</c>: those named in
/// <see cref="VariableName"/> (separated like PATH). The installer's <c>contactcenter</c> wrapper sets it to the service's
/// own file, so an admin's <c>contactcenter status</c> reads the service's store, not one beside the program.
/// </summary>
internal static class DefaultConfigFiles
{
    public const string VariableName = "CONTACTCENTER_CONFIG";

    /// <summary>The <c>--config</c> files given, else those of <see cref="VariableName"/> in this process's environment.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> given) =>
        given.Count > 0 || Environment.GetEnvironmentVariable(VariableName) is not { } variable || string.IsNullOrWhiteSpace(variable)
            ? given
            : variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
