using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>The running service picks up a model trained while it runs, without a restart.</summary>
public sealed class RoutingModelReloadTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-model-reload");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningService_UsesTheNewModel_AfterTrainingWhileItRuns()
    {
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        var model = RoutingModelFixture.Config(folder.Path);
        var training = RoutingModelFixture.Subset(folder.Path, 10);
        (await Train(model, training)).ExitCode.Should().Be(0);
        await using var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", inbox), extraConfig: model);
        var store = service.Services.GetRequiredService<ITicketStore>();

        Drop(inbox, "one", "Informazioni sugli orari dell'ufficio");
        var first = await WaitForTicketAsync(store, "Informazioni sugli orari dell'ufficio");
        var trained = await Train(model, training);
        trained.ExitCode.Should().Be(0, trained.Error);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Drop(inbox, "two", "Orari di apertura al pubblico");
        var second = await WaitForTicketAsync(store, "Orari di apertura al pubblico");

        first.Classification.Model!.Version.Should().Be(1);
        second.Classification.Model!.Version.Should().Be(2, "the service reloaded the model the pointer now names");
        second.Classification.Model.Words.Should().NotBeEmpty();
    }

    private static Task<CliRun.Result> Train(string config, string training) =>
        CliRun.RunAsync(null, "classify", "train", "--file", training, "--no-corrections", "--config", RoutingModelFixture.Rules, "--config", config);

    private static void Drop(string inbox, string id, string subject) => File.WriteAllText(Path.Combine(inbox, id + ".eml"),
        $"From: Maria Rossi <maria.rossi@example.it>\r\nTo: urp@protezionecivile.example.it\r\nSubject: {subject}\r\n" +
        $"Message-ID: <{id}@example.it>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        "Buongiorno, vorrei sapere quando posso passare in ufficio. Grazie\r\n");

    private static async Task<Ticket> WaitForTicketAsync(ITicketStore store, string subject)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var ticket = (await store.QueryAsync(new TicketQuery(), CancellationToken.None)).FirstOrDefault(t => t.Subject == subject);
            if (ticket is not null)
            {
                return ticket;
            }

            DateTime.UtcNow.Should().BeBefore(until, $"a ticket for \"{subject}\" should have been stored");
            await Task.Delay(200);
        }
    }
}
