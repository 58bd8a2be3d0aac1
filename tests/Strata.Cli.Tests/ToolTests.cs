namespace Strata.Cli.Tests;

/// <summary>
/// <c>strata</c> as a .NET tool, the way the README tells a user to get it: packed, installed into
/// a tool path from the package folder (<c>--add-source</c>, no NuGet.config), then run from an
/// empty folder outside the repository — where it installs Azurite into its data folder with
/// <c>npm ci</c>, runs the demo from the pipelines and samples it ships, and reports status.
/// In the Azurite collection (without using its emulator) so this heavy test runs alone, not
/// alongside the assembly's other tests on a small machine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ToolTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"strata-tool-{Guid.NewGuid():N}");

    [Fact]
    public async Task Tool_PackedAndInstalled_RunsTheDemoAndStatusFromAnEmptyFolder()
    {
        var (pack, tools, work) = (Path.Combine(_root, "pack"), Path.Combine(_root, "tools"), Path.Combine(_root, "work"));
        Directory.CreateDirectory(work);
        var none = new Dictionary<string, string?>();

        // The test run has built the CLI already: pack it as it is.
        var packed = await CliProcess.RunAsync("dotnet", _root, none, "pack", Path.Combine(RepositoryRoot(), "src", "Strata.Cli", "Strata.Cli.csproj"), "--no-build", "-c", Configuration, "-o", pack);
        Assert.True(packed.ExitCode == 0, packed.ToString());
        var installed = await CliProcess.RunAsync("dotnet", _root, none, "tool", "install", "Strata.Cli", "--version", "0.1.0", "--tool-path", tools, "--add-source", pack);
        Assert.True(installed.ExitCode == 0, installed.ToString());
        var strata = Path.Combine(tools, OperatingSystem.IsWindows() ? "strata.exe" : "strata");

        var demo = await CliProcess.RunAsync(strata, work, none, "demo");
        var status = await CliProcess.RunAsync(strata, work, none, "status");

        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.Contains("sweepstakes: nothing is stale", demo.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, ".strata", "node", "node_modules", "azurite", "package.json")), "Azurite is installed in the data folder");
        Assert.True(File.Exists(Path.Combine(work, ".strata", "pii.key")), "the sweepstakes pipeline tokenises e-mails, so the demo key is written");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("entries_7d", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Completed", status.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process; the temp folder is the OS's to clean.
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Strata.slnf")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository: cannot pack the CLI");
    }
}
