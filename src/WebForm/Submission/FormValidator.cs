using System.Globalization;
using System.Net.Mail;
using System.Text;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// Checks a submission on the server (the browser's checks are a courtesy, never trusted) and cleans the text:
/// Unicode composed, control characters out (line breaks kept in the text), surrounding spaces trimmed.
/// </summary>
internal sealed class FormValidator(IOptions<WebFormOptions> options, TopicList topics)
{
    private const int MaxNameLength = 100;
    private const int MaxEmailLength = 254;

    public (List<FieldError> Errors, List<AcceptedFile> Files) Validate(FormInput input)
    {
        var o = options.Value;
        var errors = new List<FieldError>();
        input.FirstName = Clean(input.FirstName, multiline: false);
        input.LastName = Clean(input.LastName, multiline: false);
        input.Email = Clean(input.Email, multiline: false);
        input.Phone = Clean(input.Phone, multiline: false);
        input.FiscalCode = Clean(input.FiscalCode, multiline: false).ToUpperInvariant();
        input.Subject = Clean(input.Subject, multiline: false);
        input.Text = Clean(input.Text, multiline: true);
        input.Topic = Clean(input.Topic, multiline: false);

        Required(errors, FormFields.FirstName, input.FirstName, "Inserisca il nome.", MaxNameLength, "Il nome");
        Required(errors, FormFields.LastName, input.LastName, "Inserisca il cognome.", MaxNameLength, "Il cognome");
        if (input.Email.Length == 0)
        {
            errors.Add(new(FormFields.Email, "Inserisca l'indirizzo e-mail: serve per inviarle la ricevuta con il numero della richiesta."));
        }
        else if (!IsEmail(input.Email))
        {
            errors.Add(new(FormFields.Email, "L'indirizzo e-mail non è valido: lo scriva nella forma nome@dominio.it."));
        }

        if (input.Phone.Length > 0 && (input.Phone.Length > 30 || ItalianPhoneNumber.ToE164(input.Phone) is null))
        {
            errors.Add(new(FormFields.Phone, "Il numero di telefono non è valido: scriva solo cifre, ad esempio 06 1234567 o +39 333 1234567."));
        }

        if (input.FiscalCode.Length > 0 && !FiscalCode.IsValid(input.FiscalCode))
        {
            errors.Add(new(FormFields.FiscalCode, "Il codice fiscale non è valido: controlli i 16 caratteri (il campo è facoltativo)."));
        }

        Required(errors, FormFields.Subject, input.Subject, "Inserisca l'oggetto della richiesta.", o.MaxSubjectLength, "L'oggetto");
        Required(errors, FormFields.Text, input.Text, "Scriva il testo della richiesta.", o.MaxTextLength, "Il testo");
        if (!topics.Topics.Contains(input.Topic, StringComparer.Ordinal))
        {
            errors.Add(new(FormFields.Topic, "Scelga l'argomento della richiesta dall'elenco."));
        }

        if (!input.Consent)
        {
            errors.Add(new(FormFields.Consent, "Per inviare la richiesta dichiari di aver letto l'informativa sul trattamento dei dati personali."));
        }

        var files = CheckFiles(errors, input.Files, o);
        return (errors, files);
    }

    private static List<AcceptedFile> CheckFiles(List<FieldError> errors, List<UploadedFile> uploaded, WebFormOptions o)
    {
        var accepted = new List<AcceptedFile>();
        var present = uploaded.Where(f => f.Content.Length > 0 || f.FileName.Length > 0).ToList();
        if (present.Count > o.MaxAttachments)
        {
            errors.Add(new(FormFields.Files, $"Può allegare al massimo {o.MaxAttachments} file (ne ha scelti {present.Count})."));
            return accepted;
        }

        var allowed = string.Join(", ", o.AllowedAttachmentTypes.Select(t => t.ToUpperInvariant()));
        foreach (var file in present)
        {
            var name = SafeFileName.From(file.FileName, "allegato");
            var extension = Path.GetExtension(name).TrimStart('.');
            if (file.Content.Length == 0)
            {
                errors.Add(new(FormFields.Files, $"Il file «{name}» è vuoto."));
            }
            else if (file.Content.Length > o.MaxAttachmentBytes)
            {
                errors.Add(new(FormFields.Files, $"Il file «{name}» supera la dimensione massima di {Megabytes(o.MaxAttachmentBytes)}."));
            }
            else if (!o.AllowedAttachmentTypes.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(FormFields.Files, $"Il file «{name}» non è di un tipo ammesso ({allowed})."));
            }
            else if (!AttachmentTypes.ContentMatches(extension, file.Content))
            {
                errors.Add(new(FormFields.Files, $"Il file «{name}» non è un vero file {extension.ToUpperInvariant()}: il contenuto non corrisponde all'estensione."));
            }
            else
            {
                accepted.Add(new AcceptedFile(name, AttachmentTypes.ContentTypeOf(extension), file.Content));
            }
        }

        return accepted;
    }

    private static void Required(List<FieldError> errors, string field, string value, string missing, int max, string what)
    {
        if (value.Length == 0)
        {
            errors.Add(new(field, missing));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, $"{what} può contenere al massimo {max.ToString("N0", Italian)} caratteri (ne ha scritti {value.Length.ToString("N0", Italian)})."));
        }
    }

    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    internal static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : $"{(bytes / (1024.0 * 1024)).ToString("0.#", Italian)} MB";

    private static bool IsEmail(string text) =>
        text.Length <= MaxEmailLength && MailAddress.TryCreate(text, out var address) && address.Address == text
        && string.IsNullOrEmpty(address.DisplayName) && address.Host.Contains('.') && !address.Host.EndsWith('.')
        && !text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '(' or ')' or ',' or ';');

    /// <summary>Composed Unicode, no control or bidi-override characters; in multi-line text, line breaks become \n.</summary>
    internal static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.Value == '\n' || rune.Value == '\r' || rune.Value == '\t')
            {
                builder.Append(multiline ? (rune.Value == '\t' ? "\t" : "\n") : " ");
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Trim();
    }
}
