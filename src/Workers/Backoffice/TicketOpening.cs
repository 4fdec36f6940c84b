using ContactCenter.Channels.Voice;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// Opens a ticket for a registered phone call in the process that owns the store: checks the request, builds the
/// draft, and hands it to the pipeline's classification, due date and durable dispatch (<see cref="DraftIntake"/>).
/// </summary>
internal sealed class TicketOpening(IServiceProvider services, ITicketStore store, TimeProvider time, ILogger logger)
{
    public const string PhoneChannel = "phone";

    public async Task<TicketOpenResult> OpenAsync(TicketOpenRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Channel?.Trim(), PhoneChannel, StringComparison.OrdinalIgnoreCase))
        {
            return new TicketOpenResult(BackofficeOutcome.Invalid, $"channel: '{request.Channel}' cannot be opened by hand (only '{PhoneChannel}')");
        }

        var call = new PhoneCall
        {
            RequestId = request.RequestId?.Trim() ?? "",
            Caller = request.Caller ?? "",
            Name = request.Name,
            Email = request.Email,
            Subject = request.Subject,
            Text = request.Text ?? "",
            Operator = request.Operator ?? "",
            ReceivedAt = time.GetUtcNow(),
            ChannelName = PhoneChannel,
        };
        if (PhoneCallDraftBuilder.Validate(call) is { Count: > 0 } errors)
        {
            return new TicketOpenResult(BackofficeOutcome.Invalid, string.Join("; ", errors), call.RequestId);
        }

        var draft = await PhoneCallDraftBuilder.BuildAsync(call, services.GetRequiredService<IContentArchive>(), cancellationToken).ConfigureAwait(false);
        DispatchOutcome outcome;
        try
        {
            outcome = await services.GetRequiredService<DraftIntake>().SubmitAsync(draft, cancellationToken).ConfigureAwait(false);
        }
        catch (InboundItemRejectedException ex)
        {
            return new TicketOpenResult(BackofficeOutcome.Refused, ex.Message, call.RequestId);
        }

        BackofficeLog.TicketOpened(logger, draft.SourceKey, call.Operator, outcome.Kind, outcome.TicketNumber);
        var ticket = outcome.TicketNumber is { } number ? await store.GetAsync(number, cancellationToken).ConfigureAwait(false) : null;
        if (ticket is null)
        {
            return new TicketOpenResult(BackofficeOutcome.Refused, $"request id '{call.RequestId}' was already used and opened no ticket", call.RequestId);
        }

        var again = outcome.Kind == DispatchOutcomeKind.Duplicate;
        return new TicketOpenResult(
            BackofficeOutcome.Done,
            again ? $"{ticket.Number}: already registered by request {call.RequestId}" : $"{ticket.Number}: opened",
            call.RequestId, again, ticket);
    }
}
