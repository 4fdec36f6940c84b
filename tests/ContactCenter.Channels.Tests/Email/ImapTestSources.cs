using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Builds IMAP sources pointed at the test Dovecot.</summary>
internal static class ImapTestSources
{
    public static ImapChannelOptions Options(DovecotServer server, string user, Action<ImapChannelOptions>? configure = null)
    {
        var options = new ImapChannelOptions
        {
            Type = "Imap",
            Host = DovecotServer.Host,
            Port = server.ImapPort,
            Security = MailSecurity.None,
            User = user,
            Password = DovecotServer.Password,
            BatchSize = 100,
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    public static ImapSource Create(
        DovecotServer server, string user, Action<ImapChannelOptions>? configure = null, TimeProvider? time = null,
        RecordingLogger? logger = null, ImapCommandCounter? counter = null, long maxMessageBytes = MailNormalizerOptions.DefaultMaxMessageBytes,
        MailboxQuotaRegistry? quotas = null) =>
        new("urp", Options(server, user, configure), logger ?? new RecordingLogger(), time ?? TimeProvider.System,
            counter is null ? null : () => counter, maxMessageBytes: maxMessageBytes, quotas: quotas);
}
