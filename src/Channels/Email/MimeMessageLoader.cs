using ContactCenter.Channels.Email.Salvage;
using ContactCenter.Core.Intake;
using MimeKit;
using MimeKit.IO;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Parses a spooled message with lenient, bounded MimeKit options and checks the parsed tree against the structural
/// limits of <c>ContactCenter:Mail</c> (<see cref="MimeLimits"/>); unparseable input, or a message over a limit,
/// becomes a rejection.
/// </summary>
internal sealed class MimeMessageLoader
{
    private readonly ParserOptions parserOptions;
    private readonly MimeLimits limits;

    public MimeMessageLoader(MailNormalizerOptions options)
    {
        limits = new MimeLimits(options);
        MailTextEncodings.EnsureRegistered();
        Utf7EncodingProvider.EnsureRegistered();
        parserOptions = new ParserOptions
        {
            MaxMimeDepth = limits.ParserDepth,
            CharsetEncoding = MailTextEncodings.Resolve(options.FallbackCharset),
            AddressParserComplianceMode = RfcComplianceMode.Loose,
            ParameterComplianceMode = RfcComplianceMode.Loose,
            Rfc2047ComplianceMode = RfcComplianceMode.Loose,
            AllowUnquotedCommasInAddresses = true,
            AllowAddressesWithoutDomain = true,
            RespectContentLength = false,
        };
    }

    /// <summary>
    /// Parses persistently: part contents stay slices of <paramref name="stream"/>, which must stay open (and is owned
    /// by the caller) while the message is used.
    /// </summary>
    public ParsedMessage Load(Stream stream, CancellationToken cancellationToken)
    {
        var nested = new Dictionary<MessagePart, ByteRange>(ReferenceEqualityComparer.Instance);
        var salvage = new MailSalvageReport();
        var (options, skip) = Prepare(stream, salvage);
        try
        {
            var source = skip == 0 ? stream : new BoundStream(stream, skip, -1, leaveOpen: true);
            var parser = new MimeParser(options, source, persistent: true);

            // Offsets let a forwarded message be archived byte for byte instead of re-serialised.
            parser.MimeMessageEnd += (_, e) =>
            {
                if (e.Parent is not null)
                {
                    nested[e.Parent] = new ByteRange(e.BeginOffset + skip, e.EndOffset + skip);
                }
            };
            var message = parser.ParseMessage(cancellationToken);
            limits.Check(message);
            return new ParsedMessage(message, nested, salvage, source, skip);
        }
        catch (FormatException ex)
        {
            throw new InboundItemRejectedException($"Not a parseable e-mail message: {ex.Message}", ex);
        }
    }

    /// <summary>Junk lines before the first header are skipped; raw 8-bit headers get the charset they look like.</summary>
    private (ParserOptions Options, long Skip) Prepare(Stream stream, MailSalvageReport salvage)
    {
        using var head = MessageHead.Read(stream);
        var (skip, lines) = LeadingJunk.Measure(head);
        if (skip > 0)
        {
            salvage.Repaired($"{skip} bytes ({lines} line(s)) before the first header skipped");
        }

        if (HeaderCharsetGuesser.Guess(head.HeaderBlock(skip)) is not { } charset)
        {
            return (parserOptions, skip);
        }

        var options = parserOptions.Clone();
        options.CharsetEncoding = charset;
        salvage.Repaired($"raw 8-bit header bytes read as {charset.WebName}");
        return (options, skip);
    }
}
