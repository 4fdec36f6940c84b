using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>
/// A citizen's browser without the browser: keeps the antiforgery cookie, reads the hidden tokens from the served
/// form and posts multipart forms, from its own client address (X-Forwarded-For through the trusted proxy).
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient http;

    public FormClient(Uri formUrl, string clientAddress)
    {
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = formUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
    }

    public HttpClient Http => http;

    /// <summary>Serves the form; returns its hidden fields (antiforgery token and form token) by name.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync()
    {
        var html = await http.GetStringAsync("");
        return HiddenInputs(html);
    }

    public static Dictionary<string, string> HiddenInputs(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public static Dictionary<string, string> ValidFields(string email = "mario.rossi@example.it") => new()
    {
        ["nome"] = "Mario",
        ["cognome"] = "Rossi",
        ["email"] = email,
        ["telefono"] = "06 1234567",
        ["codice_fiscale"] = "RSSMRA80A01H501U",
        ["oggetto"] = "Contributi per i danni dell'alluvione",
        ["testo"] = "Buongiorno, vorrei sapere come si presenta la domanda di contributo per i danni subiti dalla mia casa.",
        ["argomento"] = "contributi e rimborsi",
        ["consenso"] = "si",
    };

    public static MultipartFormDataContent Multipart(IDictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            content.Add(part, "allegati", name);
        }

        return content;
    }

    /// <summary>Opens the form, waits out the minimum fill time and posts it with the given fields (added to the hidden ones).</summary>
    public async Task<(HttpResponseMessage Response, string Body)> SubmitAsync(IDictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var hidden = await OpenFormAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        return await PostAsync(hidden.Concat(fields).ToDictionary(), files);
    }

    /// <param name="expectContinue">Sends the headers first and the body only on "100 Continue", as large uploads should:
    /// a request refused by its Content-Length then gets its answer instead of a connection reset mid-upload.</param>
    public async Task<(HttpResponseMessage Response, string Body)> PostAsync(IDictionary<string, string> fields, params (string Name, byte[] Content)[] files) =>
        await PostAsync(fields, expectContinue: false, files);

    public async Task<(HttpResponseMessage Response, string Body)> PostAsync(IDictionary<string, string> fields, bool expectContinue, params (string Name, byte[] Content)[] files)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = Multipart(fields, files) };
        request.Headers.ExpectContinue = expectContinue;
        var response = await http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string? TicketNumber(string html) => NumberPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("id=\"numero-richiesta\">([A-Z]+-\\d{4}-\\d{6})<")]
    private static partial Regex NumberPattern();
}
