using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// Checks an archive key before it becomes part of a path: exactly 64 hex digits, so nothing like "../" or a rooted
/// path can reach the file system.
/// </summary>
public static class Sha256Hex
{
    public const int Length = 64;

    public static bool IsValid([NotNullWhen(true)] string? text) => text is { Length: Length } && text.All(char.IsAsciiHexDigit);

    public static string Validate(string? sha256)
    {
        if (!IsValid(sha256))
        {
            var shown = sha256 is null ? "null" : $"'{(sha256.Length > 80 ? sha256[..80] + "..." : sha256)}'";
            throw new ArgumentException($"{shown} is not a SHA-256 of 64 hex digits.", nameof(sha256));
        }

        return sha256.ToLowerInvariant();
    }
}
