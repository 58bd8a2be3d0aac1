using Strata.Storage.Azurite;

namespace Strata.Tests.TestSupport;

/// <summary>The repository root (the folder holding <c>Functions.sln</c>) and the Node packages the tests read.</summary>
public static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Functions.sln above {start}: run the tests from inside the repository");
    }

    /// <summary>The folder of an npm package from package.json, installed (npm ci, once, under a lock) if missing.</summary>
    public static async Task<string> NodePackageAsync(string package, CancellationToken ct = default)
    {
        var root = NodeTools.FindRoot(Root);
        await NodeTools.EnsureInstalledAsync(root, package, ct);
        return Path.Combine(root, "node_modules", package);
    }
}
