namespace ContactCenter.Workers.Backoffice;

/// <summary>One of the store's folders in <c>status</c>: which, where, and the free space under it.</summary>
internal sealed record FolderSpace(string Folder, string Path, long FreeBytes);
