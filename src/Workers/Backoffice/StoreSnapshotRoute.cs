namespace ContactCenter.Workers.Backoffice;

/// <summary>Where the control API serves a snapshot of the embedded store (admin role).</summary>
internal static class StoreSnapshotRoute
{
    public const string Path = "api/store/snapshot";
}
