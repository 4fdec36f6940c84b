using System.Text.Json;

namespace ContactCenter.Channels.OAuth;

/// <summary>POSTs a form to an OAuth2 token endpoint (RFC 6749 §4) and reads the answer or the error.</summary>
internal static class OAuth2TokenEndpoint
{
    public sealed record Answer(OAuth2Token Token, string? RefreshToken);

    public static async Task<Answer> RequestAsync(
        HttpClient http, Uri endpoint, IReadOnlyDictionary<string, string> form, TimeProvider time, CancellationToken cancellationToken)
    {
        var issuedAt = time.GetUtcNow();
        using var content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new OAuth2TokenException($"token endpoint unreachable ({ex.Message})", null, null, endpoint.GetLeftPart(UriPartial.Path), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OAuth2TokenException("token endpoint did not answer in time", null, null, endpoint.GetLeftPart(UriPartial.Path), ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Parse(body, (int)response.StatusCode, endpoint.GetLeftPart(UriPartial.Path), issuedAt);
        }
    }

    private static Answer Parse(string body, int status, string source, DateTimeOffset issuedAt)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new OAuth2TokenException($"token endpoint answered HTTP {status} without a JSON body", null, null, source);
        }

        if (root.ValueKind == JsonValueKind.Object && Text(root, "error") is { } error)
        {
            var description = Text(root, "error_description");
            throw new OAuth2TokenException(OAuth2ErrorMeaning.Explain(error, description), error, description, source);
        }

        if (status is < 200 or > 299 || root.ValueKind != JsonValueKind.Object || Text(root, "access_token") is not { Length: > 0 } token)
        {
            throw new OAuth2TokenException($"token endpoint answered HTTP {status} without an access token", null, null, source);
        }

        var lifetime = root.TryGetProperty("expires_in", out var expires) && TryNumber(expires, out var seconds) ? seconds : 3600;
        return new Answer(new OAuth2Token(token, issuedAt, issuedAt.AddSeconds(lifetime)), Text(root, "refresh_token"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Some servers send expires_in as a string.
    private static bool TryNumber(JsonElement value, out double seconds) =>
        value.ValueKind == JsonValueKind.Number ? value.TryGetDouble(out seconds)
        : double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out seconds);
}
