namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>A ticket's file as <c>tickets save</c> wrote it.</summary>
internal sealed record SavedTicketFile(string FileName, string Sha256, long Size, string Path);
