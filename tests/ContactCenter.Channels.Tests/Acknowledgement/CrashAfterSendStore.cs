using System.Reflection;
using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.Tests.Acknowledgement;

/// <summary>
/// Wraps a store and fails the first "sent" update of an outbox row, as if the process died after the SMTP server
/// accepted the receipt and before the outbox commit. Everything else goes to the real store.
/// </summary>
public class CrashAfterSendStore : DispatchProxy
{
    private ITicketStore inner = null!;
    private int crashesLeft;

    public static ITicketStore Wrap(ITicketStore inner, int crashes = 1)
    {
        var proxy = Create<ITicketStore, CrashAfterSendStore>();
        var self = (CrashAfterSendStore)(object)proxy;
        self.inner = inner;
        self.crashesLeft = crashes;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == nameof(ITicketStore.UpdateOutboxAsync)
            && args![0] is OutboxMessage { SentAt: not null }
            && Interlocked.Decrement(ref crashesLeft) >= 0)
        {
            return Task.FromException(new IOException("simulated crash between the SMTP 250 and the outbox commit"));
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
