namespace ContactCenter.Core.Receipts;

/// <summary>
/// The local part and domain of a bare address, or of the angle-bracketed one in <c>Name &lt;user@domain&gt;</c>.
/// Deliberately strict: an address we cannot split cleanly gets no automatic mail.
/// </summary>
internal readonly record struct EmailAddressParts(string LocalPart, string Domain)
{
    public string Address => $"{LocalPart}@{Domain}";

    public static bool TryParse(string? text, out EmailAddressParts parts)
    {
        parts = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var open = value.LastIndexOf('<');
        if (open >= 0 && value.EndsWith('>'))
        {
            value = value[(open + 1)..^1].Trim();
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ','))
        {
            return false;
        }

        parts = new EmailAddressParts(value[..at], value[(at + 1)..].TrimEnd('.').ToLowerInvariant());
        return parts.Domain.Length > 0;
    }
}
