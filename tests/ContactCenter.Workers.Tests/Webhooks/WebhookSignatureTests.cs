using System.Text;
using ContactCenter.Workers.Webhooks;

namespace ContactCenter.Workers.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_StandardWebhooksExample_GivesTheSpecsSignature()
    {
        // The example of the Standard Webhooks specification and its reference libraries.
        var key = WebhookSecret.Decode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        signature.Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void Decode_PlainSecret_IsItsUtf8Bytes() =>
        WebhookSecret.Decode("una-frase-segreta-abbastanza-lunga").Should().Equal(Encoding.UTF8.GetBytes("una-frase-segreta-abbastanza-lunga"));

    [Fact]
    public void Sign_AnotherBody_GivesAnotherSignature()
    {
        var key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");

        WebhookSignature.Sign(key, "evt_1", 1, "{}"u8).Should().NotBe(WebhookSignature.Sign(key, "evt_1", 1, "{ }"u8))
            .And.NotBe(WebhookSignature.Sign(key, "evt_2", 1, "{}"u8)).And.NotBe(WebhookSignature.Sign(key, "evt_1", 2, "{}"u8));
    }
}
