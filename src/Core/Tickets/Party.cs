namespace ContactCenter.Core.Tickets;

/// <summary>Who wrote: every field is optional because a letter or a fax may carry only some of them.</summary>
public sealed class Party
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? PostalAddress { get; set; }
    public string? FiscalCode { get; set; }
}
