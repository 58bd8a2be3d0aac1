using Strata.Infra.Tests.Access;
using Strata.Infra.Tests.Bicep;

namespace Strata.Infra.Tests;

/// <summary>
/// Snapshots of main.bicep for the test parameters in data/, taken once and shared by the
/// snapshot tests (each takes a few seconds).
/// </summary>
public sealed class SnapshotFixture : IDisposable
{
    /// <summary>Parameters with three teams: a plain reader, a PII reader and a producer.</summary>
    public const string ThreeTeams = "three-teams.bicepparam";

    /// <summary>The same parameters plus a fourth team.</summary>
    public const string FourTeams = "four-teams.bicepparam";

    /// <summary>Golden access matrix of <see cref="ThreeTeams"/>.</summary>
    public const string ThreeTeamsMatrix = "access-matrix.three-teams.txt";

    /// <summary>The fourth team of <see cref="FourTeams"/>.</summary>
    public const string FourthTeam = "finance";

    private readonly InfraWorkspace _workspace = InfraWorkspace.Create();

    public SnapshotFixture()
    {
        WithThreeTeams = _workspace.TakeSnapshot(ThreeTeams);
        WithFourTeams = _workspace.TakeSnapshot(FourTeams);
    }

    /// <summary>Object ids of the test parameters' teams, to their names.</summary>
    public static IReadOnlyDictionary<string, string> TeamPrincipals { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["00000000-0000-0000-0000-0000000000a1"] = "analytics",
        ["00000000-0000-0000-0000-0000000000b2"] = "privacy",
        ["00000000-0000-0000-0000-0000000000c3"] = "orders",
        ["00000000-0000-0000-0000-0000000000d4"] = FourthTeam,
    };

    internal Snapshot WithThreeTeams { get; }

    internal Snapshot WithFourTeams { get; }

    internal static IReadOnlyList<AccessGrant> MatrixOf(Snapshot snapshot) => AccessMatrix.From(snapshot, TeamPrincipals);

    internal static IReadOnlyList<AccessGrant> ExpectedThreeTeamsMatrix() =>
        AccessMatrix.Load(Path.Combine(TestPaths.Data, ThreeTeamsMatrix));

    public void Dispose() => _workspace.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SnapshotCollection : ICollectionFixture<SnapshotFixture>
{
    public const string Name = "snapshots";
}
