namespace ContactCenter.Channels.Paper;

/// <summary>A street address with its CAP (5 digits), town and, when written, province.</summary>
internal sealed record PostalAddress(string? Street, string Cap, string Town, string? Province)
{
    public override string ToString()
    {
        var place = Province is null ? $"{Cap} {Town}" : $"{Cap} {Town} ({Province})";
        return Street is null ? place : $"{Street}, {place}";
    }
}
