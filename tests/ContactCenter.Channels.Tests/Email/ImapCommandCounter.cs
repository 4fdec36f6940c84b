using System.Text;
using MailKit;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Counts the IMAP commands the client sends, by name (e.g. "UID FETCH", "NOOP"), from MailKit's protocol log.</summary>
internal sealed class ImapCommandCounter : IProtocolLogger
{
    private readonly StringBuilder _client = new();

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public string ClientText
    {
        get
        {
            lock (_client)
            {
                return _client.ToString();
            }
        }
    }

    public int Count(string command) =>
        ClientText.Split("\r\n").Count(line => line.Split(' ', 2) is [_, var rest]
            && (rest == command || rest.StartsWith(command + " ", StringComparison.Ordinal)));

    public void LogConnect(Uri uri)
    {
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        lock (_client)
        {
            _client.Append(Encoding.ASCII.GetString(buffer, offset, count));
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
    }

    public void Dispose()
    {
    }
}
