namespace ContactCenter.Channels.Files;

/// <summary>What a directory entry is; only <see cref="Regular"/> files are read by a file channel.</summary>
internal enum FileEntryKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}
