using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Channels.Email;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.Corpus;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Soak;

/// <summary>
/// A CI-length soak (about a minute): rounds of ordinary mail with hostile entries mixed in (a FIFO, a link to a file
/// outside the folder, 100,000 nested multiparts, a 1 MB subject, a message large enough to be spooled) go through
/// the real pipeline from a mail-drop folder. No round may hang; open descriptors and spool or temp files must not grow.
/// </summary>
[Collection(CorpusCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class HostileFileSoakTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan SoakLength = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan RoundLimit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory folder = new("cc-soak");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Soak_HostileFilesAmongNormalMail_NoHang_NoDescriptorOrTempFileGrowth()
    {
        var drop = folder.Combine("drop");
        var data = folder.Combine("data");
        var temp = folder.Combine("tmp");
        Directory.CreateDirectory(drop);
        Directory.CreateDirectory(temp);
        Environment.SetEnvironmentVariable("TMPDIR", temp);
        try
        {
            await using var provider = Services(data);
            var pipeline = provider.GetRequiredService<IngestPipeline>();
            _ = provider.GetServices<Core.Intake.IItemNormalizer>().ToList(); // prepares the spool folder
            var started = DateTime.UtcNow;
            var rounds = 0;
            var expectedQuarantined = 0;
            var expectedTickets = 0;
            long firstDescriptors = 0;
            var descriptors = new List<int>();
            while (DateTime.UtcNow - started < SoakLength || rounds < 3)
            {
                rounds++;
                (var tickets, var quarantined) = WriteRound(drop, folder.Combine("outside"), rounds);
                expectedTickets += tickets;
                expectedQuarantined += quarantined;
                var summary = await pipeline.RunAsync(Source(drop), null, CancellationToken.None).WaitAsync(RoundLimit);

                summary.Succeeded.Should().BeTrue(summary.Failed);
                summary.Quarantined.Should().Be(quarantined, $"round {rounds}: each hostile entry is quarantined");
                Directory.EnumerateFileSystemEntries(drop).Where(e => !Directory.Exists(e)).Should().BeEmpty("every entry was moved aside");
                GC.Collect();
                GC.WaitForPendingFinalizers();
                descriptors.Add(OpenDescriptors());
                if (rounds == 2)
                {
                    firstDescriptors = descriptors[^1];
                }
            }

            output.WriteLine($"{rounds} rounds in {(DateTime.UtcNow - started).TotalSeconds:F0} s; open descriptors per round: {string.Join(", ", descriptors)}");
            var store = provider.GetRequiredService<ITicketStore>();
            (await store.QueryAsync(new TicketQuery(), CancellationToken.None)).Count.Should().Be(expectedTickets);
            (await store.ListQuarantineAsync(includeResolved: true, CancellationToken.None)).Count.Should().Be(expectedQuarantined);
            if (OperatingSystem.IsLinux())
            {
                descriptors[^1].Should().BeLessThanOrEqualTo((int)firstDescriptors + 8, "descriptors do not grow with the rounds");
            }

            Directory.EnumerateFileSystemEntries(temp).Should().BeEmpty("nothing is left in the temp folder");
            Directory.EnumerateFiles(Path.Combine(data, "spool")).Should().BeEmpty("spool files never outlive their message");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", null);
        }
    }

    private static (int Tickets, int Quarantined) WriteRound(string drop, string outside, int round)
    {
        for (var i = 0; i < 10; i++)
        {
            File.WriteAllBytes(Path.Combine(drop, $"r{round}-normale-{i}.eml"), HostileMail.Plain($"Segnalazione {round}.{i}", $"{HostileMail.Body} Giro {round}, messaggio {i}."));
        }

        // Large enough to be spooled to disk rather than held in memory.
        File.WriteAllBytes(Path.Combine(drop, $"r{round}-grande.eml"), HostileMail.Mixed($"Allegato grande {round}",
            HostileMail.Base64Part("application/pdf", $"filename=\"verbale-{round}.pdf\"", new byte[1_500_000 + round])));
        HostileFiles.MakeFifo(Path.Combine(drop, $"r{round}-fifo.eml"));
        HostileFiles.LinkToOutsideFile(drop, $"r{round}-link.eml", outside, HostileMail.Plain($"Segreto {round}"));
        File.WriteAllBytes(Path.Combine(drop, $"r{round}-oggetto.eml"), HostileMail.Plain($"Lungo {round} " + new string('A', 1024 * 1024)));
        File.WriteAllBytes(Path.Combine(drop, $"r{round}-annidato.eml"), Nested(round));
        return (11, 4);
    }

    private static byte[] Nested(int round)
    {
        var text = new System.Text.StringBuilder();
        for (var depth = 0; depth < 100_000; depth++)
        {
            text.Append("Content-Type: multipart/mixed; boundary=\"n").Append(depth).Append("\"\r\n\r\n--n").Append(depth).Append("\r\n");
        }

        return HostileMail.Concat(HostileMail.Lines([.. HostileMail.Headers, $"Subject: Annidato {round}"]), System.Text.Encoding.ASCII.GetBytes(text.ToString()));
    }

    private static MailDropSource Source(string drop) =>
        new("segnalazioni", new MailDropChannelOptions { Type = "MailDrop", Path = drop, BatchSize = 8, StableFor = TimeSpan.Zero },
            NullLogger.Instance, TimeProvider.System);

    private static int OpenDescriptors() =>
        OperatingSystem.IsLinux() ? Directory.GetFileSystemEntries("/proc/self/fd").Length : 0;

    private static ServiceProvider Services(string data)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Store:DataDirectory"] = data,
            ["ContactCenter:Receipts:From"] = "Protezione Civile <urp@protezionecivile.example.it>",
            ["ContactCenter:Pipeline:MaxParallelNormalizers"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTicketStore(configuration);
        services.AddRouting(configuration);
        services.AddReceipts(configuration);
        services.AddIngestPipeline(configuration);
        services.AddEmailNormalizer(configuration);
        return services.BuildServiceProvider();
    }
}
