namespace ContactCenter.WebForm.Pages;

/// <summary>What every page needs besides its content: the service's name and the dates of its time zone.</summary>
internal sealed record SiteInfo(string Name, ItalianDates Dates);
