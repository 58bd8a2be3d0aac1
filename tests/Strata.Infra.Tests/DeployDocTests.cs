using Strata.Infra.Tests.Access;

namespace Strata.Infra.Tests;

public sealed class DeployDocTests
{
    private const string Begin = "<!-- BEGIN access-table: generated from tests/Strata.Infra.Tests/data/access-matrix.three-teams.txt -->";
    private const string End = "<!-- END access-table -->";

    [Fact]
    public void DeployDoc_AccessTable_EqualsTheExpectedMatrix()
    {
        var expected = AccessTable.Render(SnapshotFixture.ExpectedThreeTeamsMatrix());
        var document = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "deploy.md"));

        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);

        Assert.True(begin >= 0 && end > begin, $"docs/deploy.md has no block between '{Begin}' and '{End}'.");
        var actual = document[(begin + Begin.Length)..end];
        Assert.True(
            Normalize(actual) == Normalize(expected),
            $"The access table in docs/deploy.md is stale. Replace the block with:{Environment.NewLine}{expected}");
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
}
