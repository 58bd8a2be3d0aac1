namespace Strata.Ui.Tests.Support;

/// <summary>The repository root (the folder holding <c>Functions.sln</c>), found by walking up from the test assembly.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Functions.sln above {start}: run the tests from inside the repository");
    }
}
