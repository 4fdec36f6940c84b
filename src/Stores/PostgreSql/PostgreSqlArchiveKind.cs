namespace ContactCenter.Stores.PostgreSql;

public enum PostgreSqlArchiveKind
{
    /// <summary>Originals in the <c>blobs</c> table, content-addressed by sha256 and stored once.</summary>
    Database,

    /// <summary>Originals in <c>ContactCenter:Store:ArchivePath</c>, a folder every node mounts (NFS, SMB).</summary>
    Folder,
}
