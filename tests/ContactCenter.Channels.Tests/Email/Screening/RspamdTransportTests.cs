using ContactCenter.Channels.Email.Screening;
using ContactCenter.Testing;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Email.Screening;

public sealed class RspamdTransportTests
{
    [Theory]
    [InlineData("http://rspamd.example.it:11333/", true)]
    [InlineData("https://rspamd.example.it/", false)]
    [InlineData("http://127.0.0.1:11333/", false)]
    [InlineData("http://localhost:11333/", false)]
    public void Create_PlainHttpToAnotherMachine_IsSaid(string url, bool warned)
    {
        var log = new RecordingLogger();
        var options = new SpamOptions();
        options.Rspamd.Url = new Uri(url);

        using var client = new RspamdClient(Options.Create(options), new TypedRecordingLogger<RspamdClient>(log));

        log.Has(3814).Should().Be(warned);
    }
}
