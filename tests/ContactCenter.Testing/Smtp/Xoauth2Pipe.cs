using System.Buffers;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpServer.IO;

namespace ContactCenter.Testing.Smtp;

/// <summary>
/// Sits between the socket and SmtpServer: adds XOAUTH2 to the EHLO's AUTH line, and turns the client's
/// <c>AUTH XOAUTH2 base64(user=U^Aauth=Bearer T^A^A)</c> into <c>AUTH PLAIN base64(\0U\0bearer:T)</c>, which the
/// server's user authenticator then checks as a bearer token. Plain connections only (the OAuth tests use loopback).
/// </summary>
internal sealed class Xoauth2Pipe : ISecurableDuplexPipe
{
    public const string BearerPrefix = "bearer:";

    private readonly ISecurableDuplexPipe inner;
    private readonly Pipe toServer = new();
    private readonly Pipe toClient = new();

    public Xoauth2Pipe(ISecurableDuplexPipe inner)
    {
        this.inner = inner;
        _ = PumpAsync(inner.Input, toServer.Writer, TranslateFromClient);
        _ = PumpAsync(toClient.Reader, inner.Output, TranslateFromServer);
    }

    public PipeReader Input => toServer.Reader;

    public PipeWriter Output => toClient.Writer;

    public bool IsSecure => inner.IsSecure;

    public SslProtocols SslProtocol => inner.SslProtocol;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The XOAUTH2 test pipe runs on plain connections only.");

    public void Dispose()
    {
        toServer.Writer.Complete();
        toClient.Reader.Complete();
        inner.Dispose();
    }

    private static string TranslateFromClient(string line)
    {
        const string Command = "AUTH XOAUTH2 ";
        if (!line.StartsWith(Command, StringComparison.OrdinalIgnoreCase))
        {
            return line;
        }

        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(line[Command.Length..].Trim())).Split('\x01');
        var user = fields.FirstOrDefault(f => f.StartsWith("user=", StringComparison.Ordinal))?[5..] ?? "";
        var token = fields.FirstOrDefault(f => f.StartsWith("auth=Bearer ", StringComparison.Ordinal))?[12..] ?? "";
        return "AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{BearerPrefix}{token}")) + "\r\n";
    }

    private static string TranslateFromServer(string line) =>
        line.StartsWith("250-AUTH ", StringComparison.Ordinal) || line.StartsWith("250 AUTH ", StringComparison.Ordinal)
            ? line.TrimEnd('\r', '\n') + " XOAUTH2\r\n"
            : line;

    /// <summary>Copies line by line, rewriting each; ends when either side completes.</summary>
    private static async Task PumpAsync(PipeReader from, PipeWriter to, Func<string, string> translate)
    {
        try
        {
            while (true)
            {
                var result = await from.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    var line = buffer.Slice(0, buffer.GetPosition(1, end));
                    await to.WriteAsync(Encoding.Latin1.GetBytes(translate(Encoding.Latin1.GetString(line.ToArray())))).ConfigureAwait(false);
                    buffer = buffer.Slice(line.End);
                }

                from.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The session ended on either side.
        }
        finally
        {
            await to.CompleteAsync().ConfigureAwait(false);
            await from.CompleteAsync().ConfigureAwait(false);
        }
    }
}
