using ContactCenter.Core.Intake;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>Parses a spooled message with lenient, bounded MimeKit options; unparseable input becomes a rejection.</summary>
internal sealed class MimeMessageLoader
{
    private readonly ParserOptions parserOptions;

    public MimeMessageLoader(MailNormalizerOptions options)
    {
        MailTextEncodings.EnsureRegistered();
        Utf7EncodingProvider.EnsureRegistered();
        parserOptions = new ParserOptions
        {
            MaxMimeDepth = new MimeLimits(options).ParserDepth,
            CharsetEncoding = MailTextEncodings.Windows1252,
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
        try
        {
            var parser = new MimeParser(parserOptions, stream, persistent: true);

            // Offsets let a forwarded message be archived byte for byte instead of re-serialised.
            parser.MimeMessageEnd += (_, e) =>
            {
                if (e.Parent is not null)
                {
                    nested[e.Parent] = new ByteRange(e.BeginOffset, e.EndOffset);
                }
            };
            return new ParsedMessage(parser.ParseMessage(cancellationToken), nested);
        }
        catch (FormatException ex)
        {
            throw new InboundItemRejectedException($"Not a parseable e-mail message: {ex.Message}", ex);
        }
    }
}
