namespace ContactCenter.Stores.PostgreSql;

/// <summary>A cluster node as its last check-in shows it, aged by the database server's clock (the cluster's common one).</summary>
public sealed record ClusterNodeCheckIn(string Node, DateTimeOffset At, TimeSpan Interval, TimeSpan Ago)
{
    /// <summary>
    /// No check-in for two intervals, as <c>NodeNameGuard</c> judges a node gone: the others take its channels (Quartz
    /// recovers a node some seconds after one interval) and remove its row once they have.
    /// </summary>
    public bool Silent => Ago > Interval * 2;
}
