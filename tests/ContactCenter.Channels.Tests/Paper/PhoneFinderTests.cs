using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class PhoneFinderTests
{
    [Theory]
    [InlineData("06 4567 8901", "+390645678901")]
    [InlineData("06/45678901", "+390645678901")]
    [InlineData("06-4567890", "+39064567890")]
    [InlineData("+39 06 4567 8901", "+390645678901")]
    [InlineData("0039 06 45678901", "+390645678901")]
    [InlineData("333 123 4567", "+393331234567")]
    [InlineData("333.123.4567", "+393331234567")]
    [InlineData("02 12345678", "+390212345678")]
    public void ToE164_ItalianFormats_Normalised(string written, string expected) =>
        ItalianPhoneNumber.ToE164(written).Should().Be(expected);

    [Theory]
    [InlineData("12/03/2026")]
    [InlineData("00184")]
    [InlineData("Mario")]
    [InlineData("")]
    public void ToE164_NotANumber_Null(string written) =>
        ItalianPhoneNumber.ToE164(written).Should().BeNull();

    [Fact]
    public void Find_LabelledPhoneAndFax_BothInE164()
    {
        var found = PhoneFinder.Find("Tel. 06 4567 8901\nFax: 06/45678902\n00184 Roma");

        found.Should().Be(new PhoneNumbersFound("+390645678901", "+390645678902"));
    }

    [Fact]
    public void Find_TelEFax_SameNumberForBoth() =>
        PhoneFinder.Find("Tel. e fax 0823 456789").Should().Be(new PhoneNumbersFound("+390823456789", "+390823456789"));

    [Fact]
    public void Find_TelefaxOnly_IsFaxNotPhone() =>
        PhoneFinder.Find("Telefax 06 45678902").Should().Be(new PhoneNumbersFound(null, "+390645678902"));

    [Fact]
    public void Find_UnlabelledMobile_IsPhone() =>
        PhoneFinder.Find("potete chiamarmi al 347 765 4321 in orario d'ufficio").Phone.Should().Be("+393477654321");

    [Fact]
    public void Find_NumberDoesNotRunIntoTheNextLine() =>
        PhoneFinder.Find("Cell. 333 1234567\n00184 Roma").Phone.Should().Be("+393331234567");
}
