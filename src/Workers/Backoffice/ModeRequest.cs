using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

/// <summary>The body of <c>POST /api/mode</c>.</summary>
internal sealed record ModeRequest(ServiceMode Mode, string? Actor);
