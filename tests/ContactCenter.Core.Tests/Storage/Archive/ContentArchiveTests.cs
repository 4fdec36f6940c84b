using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Core.Tests.Storage.Archive;

public sealed class ContentArchiveTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-archive");
    private readonly ContentArchive _archive;

    public ContentArchiveTests() => _archive = new ContentArchive(_temp.Combine("archive"), NullLogger<ContentArchive>.Instance);

    [Fact]
    public async Task Store_Content_IsAddressedBySha256()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var stored = await _archive.StoreAsync(new MemoryStream(bytes), "verbale.pdf", "application/pdf", default);

        stored.Sha256.Should().Be(sha);
        stored.Size.Should().Be(bytes.Length);
        stored.FileName.Should().Be("verbale.pdf");
        stored.ContentType.Should().Be("application/pdf");
        File.ReadAllBytes(_temp.Combine("archive", sha[..2], sha[2..4], sha)).Should().Equal(bytes);
        _archive.Contains(sha).Should().BeTrue();
        await using var read = _archive.OpenRead(sha.ToUpperInvariant());
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
    }

    [Fact]
    public async Task Store_SameContentTwice_KeptOnceWithNoTemporaryFiles()
    {
        var first = await _archive.StoreAsync(new MemoryStream("ciao"u8.ToArray()), "a.txt", "text/plain", default);
        var second = await _archive.StoreAsync(new MemoryStream("ciao"u8.ToArray()), "b.txt", "", default);

        second.Sha256.Should().Be(first.Sha256);
        second.ContentType.Should().Be("application/octet-stream");
        Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public async Task Store_DecodingStreamReadInSmallPieces_StoredWhole()
    {
        // A base64 part decoded on the fly hands out a few KB per read; the archive gathers them into whole writes.
        var bytes = new byte[1_000_003];
        new Random(11).NextBytes(bytes);
        var base64 = new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks)));
        await using var decoding = new CryptoStream(base64, new FromBase64Transform(), CryptoStreamMode.Read);

        var stored = await _archive.StoreAsync(decoding, "allegato.pdf", "application/pdf", default);

        stored.Size.Should().Be(bytes.Length);
        stored.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        File.ReadAllBytes(_temp.Combine("archive", stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256)).Should().Equal(bytes);
    }

    [Fact]
    public async Task Store_MemoryStreamPartlyRead_StoresTheRestOfItsSlice()
    {
        var bytes = "intestazione|corpo del messaggio|coda"u8.ToArray();
        var slice = new MemoryStream(bytes, 13, 19, writable: false, publiclyVisible: true) { Position = 6 };

        var stored = await _archive.StoreAsync(slice, "a.txt", "text/plain", default);

        var expected = "del messaggio"u8.ToArray();
        stored.Size.Should().Be(expected.Length);
        stored.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(expected)));
        File.ReadAllBytes(_temp.Combine("archive", stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256)).Should().Equal(expected);
        slice.Position.Should().Be(slice.Length);
    }

    [Fact]
    public async Task Store_LeafDirectoryRemovedAfterUse_IsMadeAgain()
    {
        var first = await _archive.StoreAsync(new MemoryStream("ciao"u8.ToArray()), "a.txt", "text/plain", default);
        var leaf = _temp.Combine("archive", first.Sha256[..2], first.Sha256[2..4]);
        Directory.Delete(leaf, recursive: true);

        var again = await _archive.StoreAsync(new MemoryStream("ciao"u8.ToArray()), "a.txt", "text/plain", default);

        again.Sha256.Should().Be(first.Sha256);
        File.ReadAllBytes(Path.Combine(leaf, first.Sha256)).Should().Equal("ciao"u8.ToArray());
        Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("rel\u202Egpj.exe", "relgpj.exe")]
    public async Task Store_HostileFileName_IsSanitisedAndNothingLeavesTheRoot(string name, string expected)
    {
        var stored = await _archive.StoreAsync(new MemoryStream("x"u8.ToArray()), name, "text/plain", default);

        stored.FileName.Should().Be(expected);
        Directory.GetFileSystemEntries(_temp.Path).Should().Equal(_temp.Combine("archive"));
    }

    [Fact]
    public async Task Store_ReadFails_LeavesNoFileBehind()
    {
        var act = () => _archive.StoreAsync(new FailingStream(), "x.bin", "application/octet-stream", default);

        // Content comes from memory or the service's own spool: a read that fails is the disk's fault, not the item's.
        (await act.Should().ThrowAsync<StorageUnavailableException>()).WithMessage("The archive at * could not store x.bin: *").WithInnerException<IOException>();
        Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("../../../../../../../../../../../../../../../../../../../../../a")]
    [InlineData("/etc/passwd0000000000000000000000000000000000000000000000000000")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public void OpenRead_MalformedSha256_RejectedBeforeTouchingFiles(string sha)
    {
        ((Action)(() => _archive.OpenRead(sha))).Should().Throw<ArgumentException>();
        ((Action)(() => _archive.Contains(sha))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void OpenRead_UnknownSha256_NotFound()
    {
        var act = () => _archive.OpenRead(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("assente"))));

        act.Should().Throw<FileNotFoundException>();
    }

    public void Dispose() => _temp.Dispose();

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream()
            : base(new byte[1000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 1 ? throw new IOException("connection reset") : base.ReadAsync(buffer, cancellationToken);
    }
}
