using System.Net;
using ContactCenter.WebForm.Tests.TestSupport;

namespace ContactCenter.WebForm.Tests;

/// <summary>Rate limits count an IPv6 client by its /64: a subscriber holds all of it.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private WebFormHost host = null!;

    public async Task InitializeAsync() => host = await WebFormHost.StartAsync(WebFormHost.Settings(submitPermits: 2));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RateLimit_AddressesOfOneIPv6Slash64_ShareOneAllowance_AnotherSlash64HasItsOwn()
    {
        async Task<HttpStatusCode> PostFromAsync(string address)
        {
            using var client = new HttpClient { BaseAddress = host.FormUrl };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return (await client.PostAsync("", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode;
        }

        var sameNetwork = new List<HttpStatusCode>();
        foreach (var address in new[] { "2001:db8:1:2::1", "2001:db8:1:2:aaaa::7", "2001:db8:1:2:ffff:ffff:ffff:fffe" })
        {
            sameNetwork.Add(await PostFromAsync(address));
        }

        sameNetwork.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
        (await PostFromAsync("2001:db8:1:3::1")).Should().Be(HttpStatusCode.BadRequest, "the next /64 is another subscriber");
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void ClientNetwork_Of_IPv4AsItIs_IPv6ByItsSlash64(string address, string expected) =>
        ClientNetwork.Of(IPAddress.Parse(address)).Should().Be(expected);
}
