using System.Text.RegularExpressions;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>A failing channel's run of failures belongs to the cluster: the backoff doubles whichever node polls.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterBackoffTests(DovecotFixture dovecot, PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-cluster-backoff");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task MailboxRefusingTheLogin_NodeThatTakesOver_ContinuesTheCountOfTheOneThatFailed()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        string Config(string node) => ClusterConfig.Write(folder.Path, node, database, dovecot.Server, "nessuno-qui", FreePort.Next(),
            interval: TimeSpan.FromMilliseconds(300), pipeline: new { FailureBackoff = "00:00:01", MaxFailureBackoff = "00:01:00" },
            retryDelay: TimeSpan.FromSeconds(1)); // the mail source's own pause, per node, kept short

        using (var a = new ClusterNode("node-a", Config("node-a")))
        {
            await WaitForFailuresAsync(a, 1);
            // The job's data is stored when its run ends, just after the failure is logged.
            await Task.Delay(1500);
            a.Kill();
        }

        using var b = new ClusterNode("node-b", Config("node-b"));
        await WaitForFailuresAsync(b, 1);

        Failures(b.Log)[0].Should().BeGreaterThan(1, $"node-b goes on from node-a's failures, so the backoff keeps doubling:\n{b.Log}");
    }

    private static async Task WaitForFailuresAsync(ClusterNode node, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Failures(node.Log).Count < count)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"{node.Name} should fail to log in within a minute:\n{node.Log}");
            await Task.Delay(100);
        }
    }

    private static List<int> Failures(string log) =>
        [.. FailedPoll().Matches(log).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"poll failed \((\d+) in a row\)")]
    private static partial Regex FailedPoll();
}
