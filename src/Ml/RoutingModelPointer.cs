namespace ContactCenter.Ml;

/// <summary>
/// What a models folder's <c>current.json</c> names: the version in use, its file, and the file's SHA-256 (null in a
/// pointer written before it was recorded).
/// </summary>
internal sealed record RoutingModelPointer(int Version, string File, string? Sha256);
