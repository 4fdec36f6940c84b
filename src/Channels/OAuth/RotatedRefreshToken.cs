namespace ContactCenter.Channels.OAuth;

/// <summary>
/// A refresh token the server issued in place of the configured one (rotation), with the SHA-256 of the configured
/// token it descends from: when the administrator configures another token, this one no longer applies.
/// </summary>
internal sealed record RotatedRefreshToken(string ConfiguredSha256, string RefreshToken, DateTimeOffset RotatedAt);
