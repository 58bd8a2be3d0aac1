using Strata.Infra.Tests.Access;

namespace Strata.Infra.Tests;

[Collection(SnapshotCollection.Name)]
public sealed class TeamOnboardingTests(SnapshotFixture fixture)
{
    [Fact]
    public void Snapshot_AddingAFourthTeam_AddsItsContainerAndGrantsAndChangesNothingElse()
    {
        var before = fixture.WithThreeTeams.Resources.ToDictionary(resource => resource.Id, StringComparer.Ordinal);
        var after = fixture.WithFourTeams.Resources.ToDictionary(resource => resource.Id, StringComparer.Ordinal);

        var removed = before.Keys.Except(after.Keys).ToList();
        var changed = before.Keys.Intersect(after.Keys).Where(id => before[id].Canonical != after[id].Canonical).ToList();
        var added = after.Values.Where(resource => !before.ContainsKey(resource.Id)).ToList();

        Assert.True(removed.Count == 0, $"Removed:{Environment.NewLine}{string.Join(Environment.NewLine, removed)}");
        Assert.True(changed.Count == 0, $"Changed:{Environment.NewLine}{string.Join(Environment.NewLine, changed)}");
        var container = Assert.Single(added, resource => resource.Type == "Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.EndsWith($"/containers/sandbox-{SnapshotFixture.FourthTeam}", container.Id, StringComparison.Ordinal);
        Assert.All(
            added.Where(resource => resource != container),
            resource => Assert.Equal("Microsoft.Authorization/roleAssignments", resource.Type));
    }

    [Fact]
    public void Snapshot_AddingAFourthTeam_GrantsItExactlyItsDeclaredAccess()
    {
        // finance: readLayers integrate and products, no pii, producer.
        var expected = AccessMatrix.Sorted(
        [
            new(SnapshotFixture.FourthTeam, RoleNames.BlobDataContributor, $"sandbox/containers/sandbox-{SnapshotFixture.FourthTeam}"),
            new(SnapshotFixture.FourthTeam, RoleNames.BlobDataReader, "lake/containers/integrate"),
            new(SnapshotFixture.FourthTeam, RoleNames.BlobDataReader, "lake/containers/products"),
            new(SnapshotFixture.FourthTeam, RoleNames.BlobDataContributor, "lake/containers/landing"),
        ]);

        var before = SnapshotFixture.MatrixOf(fixture.WithThreeTeams);
        var after = SnapshotFixture.MatrixOf(fixture.WithFourTeams);

        Assert.Equal(expected, after.Except(before));
        Assert.Equal(before, after.Where(grant => grant.Principal != SnapshotFixture.FourthTeam));
    }
}
