namespace ContactCenter.Stores.PostgreSql;

/// <summary>A cluster node as its last check-in shows it, aged by the database server's clock (the cluster's common one).</summary>
public sealed record ClusterNodeCheckIn(string Node, DateTimeOffset At, TimeSpan Interval, TimeSpan Ago)
{
    /// <summary>
    /// No check-in for <see cref="SilentAfter"/>: the others take its channels (Quartz recovers a node some seconds after
    /// one interval) and remove its row once they have.
    /// </summary>
    public bool Silent => Ago > SilentAfter(Interval);

    /// <summary>The program version the node last started with; null for a node that did not record one.</summary>
    public string? Version { get; init; }

    /// <summary>Two check-in intervals: how long a node may be silent and still count as alive (here and for a node's name).</summary>
    public static TimeSpan SilentAfter(TimeSpan interval) => interval * 2;
}
