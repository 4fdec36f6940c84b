using ContactCenter.Testing.Dovecot;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>A retried item is read as its channel read it: its arrival time and its channel's metadata come back with it.</summary>
public sealed class QuarantineRetryMetadataTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-quarantine-meta");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Retry_QuarantinedFax_KeepsItsCallerAndArrival_NotTheQuarantineTime()
    {
        var data = folder.Combine("data");
        var arrived = new DateTimeOffset(2026, 2, 27, 16, 40, 0, TimeSpan.Zero);
        var fax = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", "fax", "fax000042.tif"));
        var id = await KnownStore.QuarantineAsync(data, new QuarantineRecord
        {
            ChannelName = "fax",
            Channel = ChannelKind.Fax,
            Reason = "OCR engine unavailable",
            ReceivedAt = arrived,
            ItemMetadata = { ["fax.callerId"] = "0862 123456", ["fax.spoolFile"] = "fax000042.tif", ["read.maxBytes"] = "10" },
        }, fax, "fax000042.tif", "image/tiff");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = data },
            Receipts = new { Enabled = false },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}", ClientConnectTimeout = "00:00:01" },
        });

        var retry = await CliRun.RunAsync(null, "quarantine", "retry", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", config);

        retry.ExitCode.Should().Be(0, retry.Error + retry.Output);
        var record = await KnownStore.ReadAsync(data, s => s.GetQuarantineAsync(id, CancellationToken.None));
        var ticket = (await KnownStore.ReadAsync(data, s => s.GetAsync(record!.ResultTicketNumber!, CancellationToken.None)))!;
        ticket.ReceivedAt.Should().Be(arrived, "the fax arrived then, not when it was quarantined");
        ticket.Sender.Fax.Should().Be("+390862123456");
        ticket.Metadata.Should().ContainKey("fax.spoolFile").WhoseValue.Should().Be("fax000042.tif");
    }
}
