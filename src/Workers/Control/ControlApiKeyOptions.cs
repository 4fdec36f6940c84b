namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>ContactCenter:Control:ApiKeys:{name}</c>: one client's key, stored only as its hash (<c>contactcenter apikey new</c>
/// prints both). The name is what the logs and the history show, never the key.
/// </summary>
internal sealed class ControlApiKeyOptions
{
    /// <summary><c>sha256:</c> and 64 hex digits: the SHA-256 of the key's UTF-8 text.</summary>
    public string Hash { get; set; } = "";

    public ControlRole Role { get; set; } = ControlRole.Reader;
}
