using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Builds POP3 sources pointed at the test Dovecot.</summary>
internal static class Pop3TestSources
{
    public static Pop3Source Create(
        DovecotServer server, string user, string statePath, Action<Pop3ChannelOptions>? configure = null, RecordingLogger? logger = null,
        TimeProvider? time = null, long maxMessageBytes = MailNormalizerOptions.DefaultMaxMessageBytes)
    {
        var options = new Pop3ChannelOptions
        {
            Type = "Pop3",
            Host = DovecotServer.Host,
            Port = server.Pop3Port,
            Security = MailSecurity.None,
            User = user,
            Password = DovecotServer.Password,
            BatchSize = 100,
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new Pop3Source("pop", options, statePath, logger ?? new RecordingLogger(), time ?? TimeProvider.System, maxMessageBytes);
    }
}
