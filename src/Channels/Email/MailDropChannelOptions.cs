using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Channels;

namespace ContactCenter.Channels.Email;

/// <summary>A channel of <c>Type</c> <c>MailDrop</c>: a folder of <c>.eml</c> files or a Maildir a local MTA delivers to.</summary>
public sealed class MailDropChannelOptions : ChannelOptions
{
    [Required(ErrorMessage = "required")]
    public string Path { get; set; } = "";

    /// <summary>Imported files go to <c>{DonePath}/yyyy/MM/</c>; default <c>{Path}/done</c> (outside Maildir's new/ and cur/).</summary>
    public string? DonePath { get; set; }

    /// <summary>Rejected files go here with a <c>{name}.reason.txt</c>; default <c>{Path}/quarantine</c>.</summary>
    public string? QuarantinePath { get; set; }

    public string ResolvedDonePath => DonePath ?? System.IO.Path.Combine(Path, "done");

    public string ResolvedQuarantinePath => QuarantinePath ?? System.IO.Path.Combine(Path, "quarantine");
}
