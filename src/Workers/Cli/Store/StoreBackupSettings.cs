using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

internal sealed class StoreBackupSettings : JsonSettings
{
    [CommandOption("--to <FOLDER>")]
    [Description("The backup folder (made if missing): tickets.db is replaced by the new snapshot, archive/ gains the new originals.")]
    public string To { get; init; } = "";

    [CommandOption("--verify")]
    [Description("Also re-hash every backed-up file the store names (reads the whole backup): one damaged on the backup's disk is copied again.")]
    public bool Verify { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(To) ? Spectre.Console.ValidationResult.Error("--to FOLDER is required.") : base.Validate();
}
