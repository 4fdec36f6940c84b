using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ContactCenter.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email.Screening;

/// <summary>
/// rspamd's HTTP API: <c>POST /checkv2</c> on the normal worker with the message as body, and <c>POST /learnspam</c> or
/// <c>/learnham</c> on the controller with its enable password in the <c>Password</c> header. Every failure is a
/// <see cref="SpamEngineException"/> with the reason; the password is never part of one.
/// </summary>
public sealed class RspamdClient : IDisposable
{
    private readonly RspamdOptions options;
    private readonly HttpClient http;

    public RspamdClient(IOptions<SpamOptions> options, Microsoft.Extensions.Logging.ILogger<RspamdClient>? logger = null)
    {
        this.options = options.Value.Rspamd;
        foreach (var url in new[] { this.options.Url, this.options.ControllerUrl }.OfType<Uri>()
            .Where(u => u.Scheme == Uri.UriSchemeHttp && !Core.Channels.LoopbackHost.Is(u.Host)))
        {
            ScreeningLog.CleartextRspamd(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<RspamdClient>.Instance, $"{url.Scheme}://{url.Authority}");
        }

        http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = this.options.Timeout,
        };
    }

    public bool CanLearn => options.ControllerUrl is not null;

    public async Task<SpamJudgement> CheckAsync(Stream message, CancellationToken cancellationToken)
    {
        using var document = await PostAsync(new Uri(options.Url, "checkv2"), message, null, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new SpamEngineException($"rspamd: {error}");
        }

        if (!root.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number)
        {
            throw new SpamEngineException("rspamd answered without a score");
        }

        var action = root.TryGetProperty("action", out var a) ? a.GetString() : null;
        var symbols = root.TryGetProperty("symbols", out var s) && s.ValueKind == JsonValueKind.Object
            ? s.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()
            : [];
        var isSpam = action is not (null or "no action" or "greylist");
        return new SpamJudgement("rspamd", score.GetDouble(), isSpam, action, symbols);
    }

    /// <summary>Teaches the engine: <c>learnspam</c> or <c>learnham</c>. Returns rspamd's answer in a few words.</summary>
    public async Task<string> LearnAsync(Stream message, bool spam, CancellationToken cancellationToken)
    {
        if (options.ControllerUrl is null)
        {
            throw new SpamEngineException("no controller configured (ContactCenter:Spam:Rspamd:ControllerUrl)");
        }

        var password = await ReadPasswordAsync(cancellationToken).ConfigureAwait(false);
        using var document = await PostAsync(new Uri(options.ControllerUrl, spam ? "learnspam" : "learnham"), message, password, cancellationToken)
            .ConfigureAwait(false);
        return document.RootElement.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True
            ? $"learnt as {(spam ? "spam" : "ham")}"
            : throw new SpamEngineException($"rspamd did not learn: {document.RootElement}");
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonDocument> PostAsync(Uri url, Stream message, string? password, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StreamContent(message) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        if (password is not null)
        {
            request.Headers.TryAddWithoutValidation("Password", password);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SpamEngineException(string.Create(CultureInfo.InvariantCulture,
                    $"rspamd at {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {Shorten(body)}"));
            }

            return JsonDocument.Parse(body);
        }
        catch (HttpRequestException ex)
        {
            throw new SpamEngineException($"rspamd at {url.GetLeftPart(UriPartial.Authority)} unreachable: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpamEngineException($"rspamd at {url.GetLeftPart(UriPartial.Authority)} did not answer within {options.Timeout}", ex);
        }
        catch (JsonException ex)
        {
            throw new SpamEngineException($"rspamd's answer is not JSON: {ex.Message}", ex);
        }
    }

    private async Task<string?> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (options.Password is not null)
        {
            return options.Password;
        }

        if (!string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable)
                ?? throw new SpamEngineException($"the environment variable {options.PasswordEnvironmentVariable} holding rspamd's password is not set");
        }

        return string.IsNullOrWhiteSpace(options.PasswordFile)
            ? null
            : (await File.ReadAllTextAsync(SecretFile.Resolve(options.PasswordFile), cancellationToken).ConfigureAwait(false)).Trim();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
