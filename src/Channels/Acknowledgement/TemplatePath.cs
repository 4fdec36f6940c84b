namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Template paths in settings are relative to the program folder, where the build copies <c>templates/</c>.</summary>
internal static class TemplatePath
{
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
