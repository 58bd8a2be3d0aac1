using Strata.Infra.Tests.Access;

namespace Strata.Infra.Tests;

[Collection(SnapshotCollection.Name)]
public sealed class AccessMatrixTests(SnapshotFixture fixture)
{
    [Fact]
    public void Snapshot_WithThreeTeams_PredictsWithoutDiagnostics()
    {
        Assert.True(fixture.WithThreeTeams.DiagnosticCount == 0, fixture.WithThreeTeams.Diagnostics);
    }

    [Fact]
    public void Snapshot_WithThreeTeams_GrantsExactlyTheExpectedMatrix()
    {
        var expected = SnapshotFixture.ExpectedThreeTeamsMatrix();

        var actual = SnapshotFixture.MatrixOf(fixture.WithThreeTeams);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && actual.Count == expected.Count,
            $"Access matrix differs from data/{SnapshotFixture.ThreeTeamsMatrix}.{Environment.NewLine}"
            + $"Missing:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", missing)}{Environment.NewLine}"
            + $"Extra:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", extra)}{Environment.NewLine}"
            + $"Actual ({actual.Count}, expected {expected.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, actual)}");
    }

    [Fact]
    public void Snapshot_WithThreeTeams_GrantsNoTeamAnythingBeyondSingleContainers()
    {
        var teamGrants = TeamGrants(SnapshotFixture.MatrixOf(fixture.WithThreeTeams));

        var tooBroad = teamGrants.Where(grant => !AccessMatrix.IsSingleContainer(grant.Scope)).ToList();

        Assert.NotEmpty(teamGrants);
        Assert.True(tooBroad.Count == 0, $"Team grants above one container (account, resource group or subscription):{Environment.NewLine}{string.Join(Environment.NewLine, tooBroad)}");
        Assert.DoesNotContain(teamGrants, grant => grant.Scope is AccessMatrix.Subscription or AccessMatrix.ResourceGroup);
    }

    [Fact]
    public void Snapshot_WithThreeTeams_GrantsTeamsNoControlPlaneOrKeyRole()
    {
        var teamGrants = TeamGrants(SnapshotFixture.MatrixOf(fixture.WithThreeTeams));

        var forbidden = teamGrants.Where(grant => RoleNames.ForbiddenForTeams.Contains(grant.Role)).ToList();
        var unexpected = teamGrants.Where(grant => !RoleNames.AllowedForTeams.Contains(grant.Role)).ToList();

        Assert.True(forbidden.Count == 0, $"Teams hold control-plane or key roles:{Environment.NewLine}{string.Join(Environment.NewLine, forbidden)}");
        Assert.True(unexpected.Count == 0, $"Teams hold roles other than blob data reader/contributor:{Environment.NewLine}{string.Join(Environment.NewLine, unexpected)}");
    }

    [Fact]
    public void Snapshot_WithThreeTeams_GivesEachTeamItsOwnSandboxOnly()
    {
        var teamGrants = TeamGrants(SnapshotFixture.MatrixOf(fixture.WithThreeTeams));

        foreach (var team in teamGrants.Select(grant => grant.Principal).Distinct())
        {
            var sandboxes = teamGrants
                .Where(grant => grant.Principal == team && grant.Scope.StartsWith("sandbox/", StringComparison.Ordinal))
                .ToList();

            var only = Assert.Single(sandboxes);
            Assert.Equal(new AccessGrant(team, RoleNames.BlobDataContributor, $"sandbox/containers/sandbox-{team}"), only);
        }
    }

    private static List<AccessGrant> TeamGrants(IEnumerable<AccessGrant> matrix) =>
        matrix.Where(grant => grant.Principal != AccessMatrix.App).ToList();
}
