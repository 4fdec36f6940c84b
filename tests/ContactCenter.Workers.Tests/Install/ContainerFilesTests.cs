using System.Text.Json;
using ContactCenter.Testing;
using YamlDotNet.RepresentationModel;

namespace ContactCenter.Workers.Tests.Install;

/// <summary>
/// CI cannot build the image (no registry to pull the .NET base from), so the Dockerfile and compose.yaml are read
/// for what they must keep: a non-root user, the health check, a read-only root with volumes, secrets from files.
/// </summary>
public sealed class ContainerFilesTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

    [Fact]
    public void Dockerfile_IsMultiStageOnDotnetImages_NonRoot_WithTesseractItalian_DataVolume_AndHealthCheck()
    {
        var instructions = Instructions(Dockerfile);
        instructions.Where(i => i.Op == "FROM").Select(i => i.Args)
            .Should().HaveCount(2).And.Contain(a => a.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal) && a.EndsWith(" AS build", StringComparison.Ordinal))
            .And.Contain(a => a.StartsWith("mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        var user = instructions.Last(i => i.Op == "USER").Args;
        user.Split(':')[0].Should().MatchRegex("^[0-9]+$", "a numeric user lets runAsNonRoot check it").And.NotBe("0");
        instructions.Where(i => i.Op == "RUN").Should().Contain(i => i.Args.Contains("useradd", StringComparison.Ordinal) && i.Args.Contains("--uid " + user.Split(':')[0], StringComparison.Ordinal));
        var packages = instructions.Single(i => i.Op == "RUN" && i.Args.Contains("apt-get install", StringComparison.Ordinal)).Args;
        packages.Should().Contain("libtesseract5").And.Contain("liblept5").And.Contain("tesseract-ocr-ita").And.Contain("tesseract-ocr-eng").And.Contain("poppler-utils");
        instructions.Should().Contain(i => i.Op == "VOLUME" && i.Args.Contains("/var/lib/contactcenter", StringComparison.Ordinal));
        instructions.Single(i => i.Op == "HEALTHCHECK").Args.Should().Contain("\"health\"");
        instructions.Where(i => i.Op == "ENV").Select(i => i.Args).Should().Contain(a => a.Contains("DOTNET_gcServer=0", StringComparison.Ordinal)
            && a.Contains("OMP_THREAD_LIMIT=1", StringComparison.Ordinal) && a.Contains("DOTNET_EnableDiagnostics=0", StringComparison.Ordinal));
        instructions.Single(i => i.Op == "ENTRYPOINT").Args.Should().Contain("/app/contactcenter");
        // The configuration the image copies is the one the container run test starts the published output with.
        instructions.Should().Contain(i => i.Op == "COPY" && i.Args.Contains("install/container/appsettings.json /etc/contactcenter/appsettings.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_CopiesEveryProjectTheWorkersNeed_AndDockerignoreKeepsBuildOutputOut()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'));
        foreach (var project in projects)
        {
            Dockerfile.Should().Contain($"COPY {project} ", "the restore layer needs every project of src/");
        }

        var ignore = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"));
        ignore.Should().Contain(["**/bin/", "**/obj/", ".git/"]);
        ignore.Should().NotContain(l => l.TrimEnd('/') == "src" || l.TrimEnd('/') == "install");
    }

    [Fact]
    public void Compose_RunsReadOnly_AsTheImageUser_WithDataVolume_TmpfsTmp_PostgreSqlAndFileSecrets()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "compose.yaml")))
        {
            yaml.Load(reader);
        }

        var services = Map(Map(yaml.Documents[0].RootNode)["services"]);
        var service = Map(services["contactcenter"]);
        Scalar(service["read_only"]).Should().Be("true");
        Scalar(service["user"]).Should().Be(Instructions(Dockerfile).Last(i => i.Op == "USER").Args);
        Sequence(service["tmpfs"]).Should().ContainSingle(t => t.StartsWith("/tmp", StringComparison.Ordinal));
        var volumes = Sequence(service["volumes"]);
        volumes.Should().Contain(v => v.EndsWith(":/var/lib/contactcenter", StringComparison.Ordinal))
            .And.Contain(v => v.EndsWith(":/srv/intake/mail", StringComparison.Ordinal))
            .And.Contain(v => v.EndsWith(":/srv/intake/scans", StringComparison.Ordinal));
        Sequence(Map(service["healthcheck"])["test"]).Should().Contain("health");
        var environment = Map(service["environment"]);
        Scalar(environment["ContactCenter__Store__Provider"]).Should().Be("PostgreSql");
        Scalar(environment["ContactCenter__Store__PostgreSql__ConnectionString"]).Should().Contain("Host=postgres").And.NotContainEquivalentOf("password");
        var secret = Scalar(environment["ContactCenter__Store__PostgreSql__PasswordFile"]);
        Sequence(service["secrets"]).Should().Contain(secret);
        Sequence(service["env_file"]).Should().Contain("install/container/contactcenter.env");

        var postgres = Map(services["postgres"]);
        Scalar(postgres["image"]).Should().StartWith("postgres:15");
        Scalar(Map(postgres["environment"])["POSTGRES_PASSWORD_FILE"]).Should().Be("/run/secrets/" + secret);
        Scalar(Map(Map(Map(yaml.Documents[0].RootNode)["secrets"])[secret])["file"]).Should().StartWith("./secrets/");
        Map(yaml.Documents[0].RootNode).Keys.Should().Contain("volumes");
    }

    [Fact]
    public void ContainerConfiguration_HasDovecotFreeChannelsOnTheIntakeVolumes()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "install", "container", "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var contactCenter = document.RootElement.GetProperty("ContactCenter");
        contactCenter.GetProperty("Store").GetProperty("DataDirectory").GetString().Should().Be("/var/lib/contactcenter");
        var channels = contactCenter.GetProperty("Channels").EnumerateObject().ToList();
        channels.Select(c => c.Value.GetProperty("Type").GetString()).Should().BeEquivalentTo(["MailDrop", "ScanFolder"]);
        channels.SelectMany(c => c.Value.EnumerateObject()).Where(p => p.Name.EndsWith("Path", StringComparison.Ordinal))
            .Should().OnlyContain(p => p.Value.GetString()!.StartsWith("/srv/intake/", StringComparison.Ordinal));
    }

    private sealed record Instruction(string Op, string Args);

    /// <summary>The Dockerfile's instructions, continuation lines joined and comments dropped.</summary>
    private static List<Instruction> Instructions(string dockerfile)
    {
        var joined = dockerfile.Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2)).Select(p => new Instruction(p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : "")).ToList();
    }

    private static Dictionary<string, YamlNode> Map(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value);

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static List<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Children.Select(Scalar).ToList();
}
