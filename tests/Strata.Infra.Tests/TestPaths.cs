using System.Reflection;

namespace Strata.Infra.Tests;

/// <summary>Where the repository and the restored Bicep CLI package are, as recorded by the build.</summary>
internal static class TestPaths
{
    /// <summary>Root of the repository: the folder holding infra/ and docs/.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>Folder of the restored Azure.Bicep.CommandLine.linux-x64 package.</summary>
    public static string BicepPackageRoot { get; } = Metadata("BicepPackageRoot");

    /// <summary>infra/ of the repository.</summary>
    public static string Infra => Path.Combine(RepositoryRoot, "infra");

    /// <summary>This project's folder, relative to the repository root (the test .bicepparam files use it).</summary>
    public static string ProjectRelative => Path.Combine("tests", "Strata.Infra.Tests");

    /// <summary>data/ of this project, in the repository (golden files and test parameters).</summary>
    public static string Data => Path.Combine(RepositoryRoot, ProjectRelative, "data");

    private static string Metadata(string key)
    {
        var value = typeof(TestPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                $"Assembly metadata '{key}' is missing: it is set by Strata.Infra.Tests.csproj at build time.");
        }

        return value;
    }
}
