using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Cli.Status;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class StatusNodesTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void MixedVersions_LiveNodesOnOneVersion_None() =>
        StatusNodes.MixedVersions([Node("roma", "1.4.0", 1), Node("milano", "1.4.0", 3)]).Should().BeNull();

    [Fact]
    public void MixedVersions_LiveNodesOnTwoVersions_NamesEachNodeWithItsVersion() =>
        StatusNodes.MixedVersions([Node("milano", "1.3.0", 1), Node("roma", "1.4.0", 3)]).Should().Be("milano 1.3.0, roma 1.4.0");

    [Fact]
    public void MixedVersions_OnlyASilentNodeDiffers_None() =>
        StatusNodes.MixedVersions([Node("milano", "1.3.0", 60), Node("roma", "1.4.0", 3)]).Should().BeNull("a dead node's channels went to the others");

    [Fact]
    public void MixedVersions_ANodeThatRecordedNoVersion_CountsAsDifferent() =>
        StatusNodes.MixedVersions([Node("milano", null, 1), Node("roma", "1.4.0", 3)]).Should().Be("milano, roma 1.4.0", "it runs a release from before versions were recorded");

    private static ClusterNodeCheckIn Node(string name, string? version, int secondsAgo) =>
        new(name, DateTimeOffset.UnixEpoch, Interval, TimeSpan.FromSeconds(secondsAgo)) { Version = version };
}
