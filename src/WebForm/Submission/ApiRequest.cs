namespace ContactCenter.WebForm.Submission;

/// <summary>The body of <c>POST /api/richieste</c>, for a site that keeps its own form (field names in Italian).</summary>
internal sealed class ApiRequest
{
    public string? Nome { get; set; }
    public string? Cognome { get; set; }
    public string? Email { get; set; }
    public string? Telefono { get; set; }
    public string? CodiceFiscale { get; set; }
    public string? Oggetto { get; set; }
    public string? Testo { get; set; }
    public string? Argomento { get; set; }

    /// <summary>The citizen has read the privacy notice (GDPR art. 13), shown by the calling site.</summary>
    public bool Consenso { get; set; }

    public List<ApiAttachment>? Allegati { get; set; }
}
