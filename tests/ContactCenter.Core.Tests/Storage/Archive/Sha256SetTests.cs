using System.Security.Cryptography;
using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Core.Tests.Storage.Archive;

public sealed class Sha256SetTests
{
    [Fact]
    public void Set_ManyNames_EnumeratesEachOnceInOrdinalOrderOfTheLowercaseText()
    {
        var names = Enumerable.Range(0, 2_000).Select(i => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)))).ToList();
        var set = new Sha256Set();

        foreach (var name in names)
        {
            set.Add(name).Should().BeTrue();
        }

        set.Add(names[7].ToUpperInvariant()).Should().BeFalse("a name in capitals is the same file");
        set.Count.Should().Be(2_000);
        set.Should().Equal(names.Order(StringComparer.Ordinal));
        set.Contains(names[42].ToUpperInvariant()).Should().BeTrue();
        set.Contains(Convert.ToHexStringLower(SHA256.HashData("altro"u8))).Should().BeFalse();
    }

    [Fact]
    public void Set_DamagedName_IsKeptAsWritten_AfterTheSoundOnes()
    {
        var sound = Convert.ToHexStringLower(SHA256.HashData("lettera"u8));
        Sha256Set set = ["../../etc/passwd", sound, "ABC", "abc"];

        set.Should().Equal(sound, "../../etc/passwd", "ABC");
        set.Contains("ABC").Should().BeTrue();
        set.Contains(sound.ToUpperInvariant()).Should().BeTrue();
    }
}
