namespace ContactCenter.Channels.Fax;

/// <summary>What a fax gateway tells about the sender: the TSI the machine sends, the caller id number and name.</summary>
/// <param name="Tsi">Transmitting Subscriber Identification, free text set on the sending machine.</param>
/// <param name="CallerId">The calling number as the gateway wrote it (not normalised).</param>
/// <param name="CallerName">The caller id name, when the network or PBX gave one.</param>
internal sealed record FaxSenderInfo(string? Tsi, string? CallerId, string? CallerName)
{
    public static readonly FaxSenderInfo Unknown = new(null, null, null);

    /// <summary>The best E.164 fax number: the caller id, else a TSI that is a valid number.</summary>
    public string? FaxNumber => Paper.ItalianPhoneNumber.ToE164(CallerId) ?? Paper.ItalianPhoneNumber.ToE164(Tsi);

    /// <summary>Fields of <paramref name="other"/> fill the ones this one lacks.</summary>
    public FaxSenderInfo Or(FaxSenderInfo other) =>
        new(Tsi ?? other.Tsi, CallerId ?? other.CallerId, CallerName ?? other.CallerName);

    /// <summary>Adds the fields that are not blank to an item's metadata, keeping any value already there.</summary>
    public void AddTo(Dictionary<string, string> metadata)
    {
        Add(Paper.PaperMetadataKeys.Tsi, Tsi);
        Add(Paper.PaperMetadataKeys.CallerId, CallerId);
        Add(Paper.PaperMetadataKeys.CallerName, CallerName);

        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                metadata.TryAdd(key, value);
            }
        }
    }
}
