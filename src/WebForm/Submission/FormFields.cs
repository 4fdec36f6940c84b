namespace ContactCenter.WebForm.Submission;

/// <summary>The HTML names (and ids) of the form's fields; the JSON endpoint reports errors under the same names.</summary>
internal static class FormFields
{
    public const string FirstName = "nome";
    public const string LastName = "cognome";
    public const string Email = "email";
    public const string Phone = "telefono";
    public const string FiscalCode = "codice_fiscale";
    public const string Subject = "oggetto";
    public const string Text = "testo";
    public const string Topic = "argomento";
    public const string Consent = "consenso";
    public const string Files = "allegati";
    public const string Token = "token";

    /// <summary>Hidden from people (off screen, not focusable, labelled "leave empty"); robots fill every field.</summary>
    public const string Honeypot = "sito_web";
}
