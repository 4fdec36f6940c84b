using System.Globalization;
using MimeKit;

namespace ContactCenter.Testing.Voice;

/// <summary>
/// Voicemail notifications as the PBXs write them: Asterisk's <c>voicemail.conf</c> mailer (its <c>X-Asterisk-VM-*</c>
/// headers, default English body or an Italian <c>emailbody</c>), FreePBX's body over the same mailer (with its MP3
/// wrapper), and a carrier's plain "audio + number" message.
/// </summary>
public static class VoicemailMail
{
    public const string PbxAddress = "asterisk@pbx.protezionecivile.example.it";

    public static MimeMessage Asterisk(
        string callerNumber, string callerName, int seconds, string mailbox = "200", int messageNumber = 1, bool italian = false,
        byte[]? audio = null)
    {
        // ${VM_CALLERID}, as Asterisk writes it; a withheld number is "an unknown caller".
        var callerId = callerNumber == "<unknown>" ? "an unknown caller" : $"\"{callerName}\" <{callerNumber}>";
        var date = "Wednesday, December 02, 2026 at 10:15:04 AM";
        var duration = string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
        var body = italian
            ? $"Gentile Centralino URP,\n\n\tè stato lasciato un messaggio di {duration} (numero {messageNumber})\n" +
              $"nella casella {mailbox} da {callerId}, il 02/12/2026 alle 10:15.\n\nAscoltalo appena possibile.\n\n\t\t\t\t--Asterisk\n"
            : $"Dear Centralino URP:\n\n\tjust wanted to let you know you were just left a {duration} long message (number {messageNumber})\n" +
              $"in mailbox {mailbox} from {callerId}, on {date}, so you might\nwant to check it when you get a chance.  Thanks!\n\n\t\t\t\t--Asterisk\n";
        var subject = italian
            ? $"[Centralino]: nuovo messaggio {messageNumber} nella casella {mailbox}"
            : $"[PBX]: New message {messageNumber} in mailbox {mailbox}";
        var message = Pbx(subject, mailbox, messageNumber);
        AddHeaders(message, callerNumber, callerName, seconds, mailbox, messageNumber, date);
        Attach(message, body, audio ?? TestAudio.Wav(TimeSpan.FromSeconds(seconds)), $"msg{messageNumber - 1:0000}.wav", "audio/x-wav");
        return message;
    }

    /// <summary>
    /// FreePBX: its default <c>emailbody</c> ("Length: 0:12 seconds", since <c>${VM_DUR}</c> is m:ss) over Asterisk's
    /// headers, the WAV turned into an MP3 by the usual sendmail wrapper.
    /// </summary>
    public static MimeMessage FreePbx(string callerNumber, string callerName, int seconds, string mailbox = "201", int messageNumber = 2)
    {
        var duration = string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
        var body = $"Centralino URP,\n\nThere is a new voicemail in mailbox {mailbox}:\n\n\tFrom:\t\"{callerName}\" <{callerNumber}>\n" +
                   $"\tLength:\t{duration} seconds\n\tDate:\tWednesday, December 02, 2026 at 11:02:51 AM\n\n" +
                   "Dial *98 to access your voicemail by phone.\nVisit http://pbx.protezionecivile.example.it/ucp to check your voicemail with a web browser.\n";
        var message = Pbx("PBX Voicemail Notification", mailbox, messageNumber);
        AddHeaders(message, callerNumber, callerName, seconds, mailbox, messageNumber, "Wednesday, December 02, 2026 at 11:02:51 AM");
        Attach(message, body, TestAudio.Mp3(TimeSpan.FromSeconds(seconds)), $"msg{messageNumber - 1:0000}.mp3", "audio/mpeg");
        return message;
    }

    /// <summary>A carrier's voicemail-to-e-mail: no PBX headers, the number in the subject, an audio attachment.</summary>
    public static MimeMessage Generic(string callerNumber, byte[] audio, string fileName)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Segreteria telefonica", "segreteria@voip.operatore.example.it"));
        message.To.Add(new MailboxAddress("", "centralino@protezionecivile.example.it"));
        message.Subject = $"Nuovo messaggio in segreteria dal numero {callerNumber}";
        message.MessageId = $"vm-{Guid.NewGuid():N}@voip.operatore.example.it";
        var builder = new BodyBuilder { TextBody = "Hai ricevuto un nuovo messaggio vocale. In allegato la registrazione.\n" };
        builder.Attachments.Add(fileName, audio);
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static MimeMessage Pbx(string subject, string mailbox, int messageNumber)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Asterisk PBX", PbxAddress));
        message.To.Add(new MailboxAddress("Centralino URP", "segreteria@protezionecivile.example.it"));
        message.Subject = subject;
        message.MessageId = $"Asterisk-{messageNumber}-{Random.Shared.Next(100_000_000, 999_999_999)}-{mailbox}-4242@pbx.protezionecivile.example.it";
        return message;
    }

    private static void AddHeaders(MimeMessage message, string number, string name, int seconds, string mailbox, int messageNumber, string date)
    {
        var h = message.Headers;
        h.Add("X-Asterisk-VM-Message-Num", messageNumber.ToString(CultureInfo.InvariantCulture));
        h.Add("X-Asterisk-VM-Server-Name", PbxAddress);
        h.Add("X-Asterisk-VM-Context", "default");
        h.Add("X-Asterisk-VM-Extension", mailbox);
        h.Add("X-Asterisk-VM-Flag", "");
        h.Add("X-Asterisk-VM-Priority", "1");
        h.Add("X-Asterisk-VM-Caller-channel", "PJSIP/trunk-00000042");
        h.Add("X-Asterisk-VM-Caller-ID-Num", number);
        h.Add("X-Asterisk-VM-Caller-ID-Name", name);
        h.Add("X-Asterisk-VM-Duration", seconds.ToString(CultureInfo.InvariantCulture));
        h.Add("X-Asterisk-VM-Category", "");
        h.Add("X-Asterisk-VM-Message-Type", "Mailbox");
        h.Add("X-Asterisk-VM-Orig-date", date);
        h.Add("X-Asterisk-VM-Orig-time", "1796206504");
        h.Add("X-Asterisk-CallerID", number);
        h.Add("X-Asterisk-CallerIDName", name);
    }

    private static void Attach(MimeMessage message, string body, byte[] audio, string fileName, string contentType)
    {
        var sound = new MimePart(ContentType.Parse($"{contentType}; name=\"{fileName}\""))
        {
            Content = new MimeContent(new MemoryStream(audio)),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDescription = "Voicemail sound attachment.",
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = fileName },
        };
        message.Body = new Multipart("mixed") { new TextPart("plain") { Text = body }, sound };
    }
}
