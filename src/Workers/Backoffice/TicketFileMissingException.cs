namespace ContactCenter.Workers.Backoffice;

/// <summary>A ticket refers to a file the archive does not hold: never an answer of "no such file", always an alarm.</summary>
internal sealed class TicketFileMissingException(string number, string sha256, Exception? inner = null)
    : IOException($"Ticket {number} refers to file {sha256}, which is not in the archive.", inner)
{
    public string Number { get; } = number;

    public string Sha256 { get; } = sha256;
}
