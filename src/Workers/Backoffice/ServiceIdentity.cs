namespace ContactCenter.Workers.Backoffice;

/// <summary><c>GET /api/ping</c>: which service answers and which store it owns, so a CLI never acts on another one.</summary>
internal sealed record ServiceIdentity(string Service, int ProcessId, string StorePath);
