namespace ContactCenter.Channels.Email.Screening;

/// <summary><c>ContactCenter:Spam:Rspamd</c>: the engine's normal worker (checks) and controller (learning).</summary>
public sealed class RspamdOptions
{
    /// <summary>The normal worker, where <c>/checkv2</c> is served.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:11333");

    /// <summary>The controller, where <c>/learnspam</c> and <c>/learnham</c> are served; null: no learning.</summary>
    public Uri? ControllerUrl { get; set; } = new("http://127.0.0.1:11334");

    /// <summary>The controller's enable password; prefer the file or the variable.</summary>
    public string? Password { get; set; }

    public string? PasswordFile { get; set; }

    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>A check or a learn that takes longer fails (the item goes on, unchecked).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
