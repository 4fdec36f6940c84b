namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// <c>ContactCenter:Webhooks:Endpoints:{name}</c>: one receiver. The secret signs every request (HMAC-SHA256); it
/// comes from exactly one of <see cref="SecretFile"/>, <see cref="SecretEnvironmentVariable"/> or <see cref="Secret"/>.
/// </summary>
internal sealed class WebhookEndpointOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>https, or http to a loopback address only (the body carries citizens' requests).</summary>
    public string Url { get; set; } = "";

    /// <summary>A relative name is looked up in systemd's <c>$CREDENTIALS_DIRECTORY</c> first.</summary>
    public string? SecretFile { get; set; }

    public string? SecretEnvironmentVariable { get; set; }

    /// <summary>Inline secret, for tests and demos only.</summary>
    public string? Secret { get; set; }

    /// <summary><c>ticket.created</c>, <c>ticket.updated</c>; both by default.</summary>
    public List<string> Events { get; set; } = [];

    public IReadOnlySet<string> EffectiveEvents =>
        Events.Count == 0 ? new HashSet<string>(Core.Storage.WebhookEventTypes.All, StringComparer.Ordinal) : new HashSet<string>(Events, StringComparer.Ordinal);
}
