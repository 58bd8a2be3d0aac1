using System.Security.Cryptography;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>
/// A folder outside the repository to run the built CLI in, with its own pipelines and a lake of
/// its own on the shared Azurite (a storage namespace), given through the environment as a user
/// would (<c>Strata__Storage__ConnectionString</c>…). Deleted at the end.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    public CliWorkspace(AzuriteFixture azurite)
        : this(azurite.ConnectionString)
    {
    }

    public CliWorkspace(string connectionString)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"strata-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        Namespace = "c" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Strata__Storage__ConnectionString"] = connectionString,
            ["Strata__Storage__Namespace"] = Namespace,
            ["Strata__Pipelines__Folder"] = Path.Combine(Folder, "pipelines"),
        };
    }

    public string Folder { get; }

    public string Namespace { get; }

    public Dictionary<string, string?> Environment { get; }

    public string Pipelines => Path.Combine(Folder, "pipelines");

    /// <summary>Writes <c>pipelines/&lt;name&gt;/pipeline.yaml</c> and its SQL files.</summary>
    public CliWorkspace Pipeline(string name, string yaml, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(Pipelines, name);
        Directory.CreateDirectory(Path.Combine(folder, "sql"));
        System.IO.File.WriteAllText(Path.Combine(folder, "pipeline.yaml"), yaml);
        foreach (var (path, text) in files)
        {
            System.IO.File.WriteAllText(Path.Combine(folder, path), text);
        }

        return this;
    }

    /// <summary>Writes a file in the workspace and returns its path.</summary>
    public string File(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(Folder, Environment, args);

    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> extra, params string[] args) =>
        CliProcess.RunAsync(Folder, Environment.Concat(extra).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is exiting; the temp folder is the OS's to clean.
        }
    }
}
