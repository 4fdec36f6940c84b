namespace ContactCenter.WebForm.Tests;

public sealed class WebFormOptionsValidatorTests
{
    [Fact]
    public void Validate_Disabled_NothingChecked() =>
        new WebFormOptionsValidator().Validate(null, new WebFormOptions { Url = "nonsense" }).Succeeded.Should().BeTrue();

    [Fact]
    public void Validate_WrongValues_EachNamedByItsKey()
    {
        var result = new WebFormOptionsValidator().Validate(null, new WebFormOptions
        {
            Enabled = true,
            Url = "http://127.0.0.1",
            PathBase = "modulo/",
            KnownProxies = ["10.0.0.300"],
            KnownNetworks = ["10.0.0.0/40"],
            AllowedAttachmentTypes = ["pdf", "exe"],
            MinFillTime = TimeSpan.FromDays(1),
        });

        result.Failed.Should().BeTrue();
        result.Failures!.Select(f => f.Split(':')[2]).Should().BeEquivalentTo(
            ["Url", "PathBase", "KnownProxies", "KnownNetworks", "AllowedAttachmentTypes", "MinFillTime"]);
        result.Failures.Should().OnlyContain(f => f.StartsWith("ContactCenter:WebForm:", StringComparison.Ordinal));
    }
}
