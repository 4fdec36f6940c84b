using System.Runtime.CompilerServices;
using System.Text;

namespace ContactCenter.Channels.Tests;

/// <summary>
/// MimeKit builds its charset table once, on first use; if any test touches MimeKit before the code pages are
/// registered, ISO-2022-JP and friends stay unknown for the whole run. Register them before any test runs.
/// </summary>
internal static class CodePagesRegistration
{
#pragma warning disable CA2255 // A module initializer in a test assembly is exactly the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
