using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ContactCenter.Core.Statistics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>The backoffice acts through the running service's control endpoint (the service owns the store).</summary>
internal sealed class HttpBackofficeClient(HttpClient http) : IBackofficeClient
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = BackofficeJson.Options;

    public string Description => "service at " + http.BaseAddress;

    public Task<ServiceStatusReport> GetStatusAsync(CancellationToken cancellationToken) =>
        GetAsync<ServiceStatusReport>("api/status", cancellationToken)!;

    public async Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketFilter filter, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                query.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("status", filter.Status);
        Add("channel", filter.Channel);
        Add("overdue", filter.Overdue ? "true" : null);
        Add("dueBefore", filter.DueBefore?.ToString("O"));
        Add("review", filter.Review ? "true" : null);
        Add("corrected", filter.Corrected ? "true" : null);
        Add("sender", filter.Sender);
        Add("limit", filter.Limit);
        Add("receivedFrom", filter.ReceivedFrom?.ToString("O"));
        Add("receivedBefore", filter.ReceivedBefore?.ToString("O"));
        Add("after", filter.After);
        Add("order", filter.NewestFirst ? "newest" : null);
        var url = "api/tickets" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        try
        {
            return await GetAsync<List<Ticket>>(url, cancellationToken).ConfigureAwait(false) ?? [];
        }
        catch (ServiceProblemException ex) when (filter.After is { } after && ex.Type == Control.ControlProblems.UnknownAfterType)
        {
            throw new UnknownTicketException(after);
        }
    }

    public Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken) =>
        GetAsync<Ticket>($"api/tickets/{Uri.EscapeDataString(number.Trim())}", cancellationToken);

    public Task<ArchivedFile?> OpenTicketFileAsync(string number, string sha256, CancellationToken cancellationToken) =>
        Sha256Hex.IsValid(sha256) ? OpenArchivedAsync(ArchivedFileRoutes.TicketFile(number, sha256), cancellationToken) : Task.FromResult<ArchivedFile?>(null);

    public Task<ArchivedFile?> OpenQuarantineOriginalAsync(int id, CancellationToken cancellationToken) =>
        OpenArchivedAsync(ArchivedFileRoutes.QuarantineOriginal(id), cancellationToken);

    public Task<ArchivedFile?> OpenSpamOriginalAsync(int id, CancellationToken cancellationToken) =>
        OpenArchivedAsync(ArchivedFileRoutes.SpamOriginal(id), cancellationToken);

    public Task<TicketOpenResult> OpenTicketAsync(TicketOpenRequest request, CancellationToken cancellationToken) =>
        PostAsync<TicketOpenResult>("api/tickets", request, cancellationToken);

    public Task<TicketChangeResult> ChangeTicketAsync(string number, TicketAction action, TicketChange change, CancellationToken cancellationToken) =>
        PostAsync<TicketChangeResult>($"api/tickets/{Uri.EscapeDataString(number.Trim())}/{action.ToString().ToLowerInvariant()}", change, cancellationToken);

    public async Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) =>
        (await GetAsync<ModeChangeResult>("api/mode", cancellationToken).ConfigureAwait(false))!.Current;

    public Task<ModeChangeResult> SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) =>
        PostAsync<ModeChangeResult>("api/mode", new ModeRequest(mode, actor), cancellationToken);

    public async Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) =>
        await GetAsync<List<QuarantineRecord>>($"api/quarantine?all={(includeResolved ? "true" : "false")}", cancellationToken).ConfigureAwait(false) ?? [];

    public Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) =>
        GetAsync<QuarantineRecord>($"api/quarantine/{id}", cancellationToken);

    public Task<QuarantineActionResult> RetryQuarantineAsync(int id, string actor, CancellationToken cancellationToken) =>
        PostAsync<QuarantineActionResult>($"api/quarantine/{id}/retry", new QuarantineRequest(actor, null), cancellationToken);

    public Task<QuarantineActionResult> DiscardQuarantineAsync(int id, string reason, string actor, CancellationToken cancellationToken) =>
        PostAsync<QuarantineActionResult>($"api/quarantine/{id}/discard", new QuarantineRequest(actor, reason), cancellationToken);

    public async Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken) =>
        await GetAsync<List<SpamRecord>>($"api/spam?all={(includeResolved ? "true" : "false")}", cancellationToken).ConfigureAwait(false) ?? [];

    public Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken) =>
        GetAsync<SpamRecord>($"api/spam/{id}", cancellationToken);

    public Task<SpamActionResult> ReleaseSpamAsync(int id, string actor, CancellationToken cancellationToken) =>
        PostAsync<SpamActionResult>($"api/spam/{id}/release", new SpamRequest(actor), cancellationToken);

    public Task<SpamActionResult> ConfirmSpamAsync(int id, string actor, CancellationToken cancellationToken) =>
        PostAsync<SpamActionResult>($"api/spam/{id}/confirm", new SpamRequest(actor), cancellationToken);

    public async Task<TicketStatistics> GetStatisticsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        (await GetAsync<TicketStatistics>(string.Create(CultureInfo.InvariantCulture, $"api/stats?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"), cancellationToken).ConfigureAwait(false))!;

    public async Task<Stream> OpenStoreSnapshotAsync(CancellationToken cancellationToken)
    {
        var response = (await GetStreamedAsync(StoreSnapshotRoute.Path, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The ETag is the hash.</summary>
    private async Task<ArchivedFile?> OpenArchivedAsync(string url, CancellationToken cancellationToken)
    {
        if (await GetStreamedAsync(url, notFoundIsNull: true, cancellationToken).ConfigureAwait(false) is not { } response)
        {
            return null;
        }

        var headers = response.Content.Headers;
        var file = new TicketAttachment
        {
            FileName = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"') ?? "",
            ContentType = headers.ContentType?.MediaType ?? "application/octet-stream",
            Size = headers.ContentLength ?? -1,
            Sha256 = response.Headers.ETag?.Tag.Trim('"') ?? "",
        };
        return new ArchivedFile(file, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Headers only: the content is read as the caller copies it, never whole in memory, and closing the content's stream
    /// releases the connection (the response holds nothing else). Null for 404 when <paramref name="notFoundIsNull"/>.
    /// </summary>
    private async Task<HttpResponseMessage?> GetStreamedAsync(string url, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }

            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<T?> GetAsync<T>(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
    }

    // Acts answer with their result whatever the status (404 no such item, 409 refused, 400 invalid).
    private async Task<T> PostAsync<T>(string url, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, body, Json, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.BadRequest
            && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false))!;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        throw new IOException($"The service answered {url} with {(int)response.StatusCode} and no result.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var answered = $"The service answered {(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json" && ServiceProblem.TryRead(text) is { } problem)
            {
                throw new ServiceProblemException(problem.Type, $"{answered}: {problem.Detail ?? problem.Title}".Trim());
            }

            throw new IOException($"{answered}: {text}".Trim());
        }
    }
}
