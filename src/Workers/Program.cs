using System.Text;
using ContactCenter.Workers.Cli;

// Before anything touches MimeKit: it builds its charset table once, and windows-1252 or ISO-2022-JP mail from
// citizens must decode.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

return await ContactCenterApp.RunAsync(args);
