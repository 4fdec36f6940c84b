using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using MimeKit;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// The ticket draft of a registered phone call: the caller's number in E.164 (libphonenumber, default region Italy),
/// source key <c>phone:{request id}</c>, the operator as the one who registered it, and the call record itself
/// archived as the original (<c>telefonata.json</c>), as every other channel keeps what it received.
/// </summary>
internal static partial class PhoneCallDraftBuilder
{
    public const int MaxSubjectChars = 300;
    public const int MaxTextChars = 20_000;
    public const int MaxNameChars = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What is wrong with the request, one message per field; empty when it can become a ticket.</summary>
    public static IReadOnlyList<string> Validate(PhoneCall call)
    {
        var errors = new List<string>();
        if (!RequestIdPattern().IsMatch(call.RequestId ?? ""))
        {
            errors.Add("requestId: 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }

        if (VoicemailCaller.ToE164(call.Caller) is null)
        {
            errors.Add($"caller: '{call.Caller}' is not a valid phone number (e.g. +39 06 1234 5678)");
        }

        if (string.IsNullOrWhiteSpace(call.Text) || call.Text.Length > MaxTextChars)
        {
            errors.Add($"text: what the caller asked is required (at most {MaxTextChars} characters)");
        }

        if (call.Subject?.Length > MaxSubjectChars || call.Name?.Length > MaxNameChars)
        {
            errors.Add($"subject and name: at most {MaxSubjectChars} and {MaxNameChars} characters");
        }

        if (!string.IsNullOrWhiteSpace(call.Email) && !IsAddress(call.Email))
        {
            errors.Add($"email: '{call.Email}' is not an e-mail address");
        }

        if (string.IsNullOrWhiteSpace(call.Operator))
        {
            errors.Add("operator: who took the call is required");
        }

        return errors;
    }

    public static async Task<TicketDraft> BuildAsync(PhoneCall call, IContentArchive archive, CancellationToken cancellationToken)
    {
        var phone = VoicemailCaller.ToE164(call.Caller) ?? throw new InboundItemRejectedException(string.Join("; ", Validate(call)));
        var name = Blank(call.Name);
        var email = Blank(call.Email);
        var original = await archive.StoreAsync(
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(call, Json), writable: false), "telefonata.json", "application/json",
            cancellationToken).ConfigureAwait(false);
        return new TicketDraft
        {
            SourceKey = $"phone:{call.RequestId}",
            ChannelName = call.ChannelName,
            Channel = ChannelKind.Phone,
            ReceivedAt = call.ReceivedAt,
            Sender = new Party { DisplayName = name, Phone = phone, Email = email },
            ReplyAddress = email,
            Subject = Blank(call.Subject) ?? $"Telefonata da {(name is null ? phone : $"{name} ({phone})")}",
            TextBody = call.Text.Trim(),
            Language = "it",
            Original = original,
            RegisteredBy = call.Operator.Trim(),
            Metadata = new Dictionary<string, string> { ["phone.requestId"] = call.RequestId, ["phone.caller"] = call.Caller.Trim() },
        };
    }

    private static bool IsAddress(string text) =>
        MailboxAddress.TryParse(text.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal)
        && address.Address.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at < address.Address.Length - 1;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,100}$")]
    private static partial Regex RequestIdPattern();
}
