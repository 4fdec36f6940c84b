using System.Text;
using ContactCenter.Workers.Cli;

// Before anything touches MimeKit: it builds its charset table once, and windows-1252 or ISO-2022-JP mail from
// citizens must decode.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

// Every regular expression runs on text citizens wrote: none may backtrack for ever (generated ones included).
AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));

return await ContactCenterApp.RunAsync(args);
