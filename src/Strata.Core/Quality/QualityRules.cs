using Strata.Fingerprints;

namespace Strata.Quality;

/// <summary>
/// The expectations and checks declared on one source or dataset. At most
/// <see cref="MaxPerKind"/> of each, so the counts and results stored per partition stay within
/// one table entity.
/// </summary>
public sealed record QualityRules(IReadOnlyList<ExpectationDefinition> Expectations, IReadOnlyList<CheckDefinition> Checks)
{
    /// <summary>The most expectations, and the most checks, one source or dataset may declare.</summary>
    public const int MaxPerKind = 32;

    /// <summary>No expectations, no checks.</summary>
    public static QualityRules Empty { get; } = new([], []);

    /// <summary>
    /// The expectations' part of a partition fingerprint: empty when there are none, so a dataset
    /// without expectations keeps the fingerprints it had before expectations existed.
    /// </summary>
    public string ExpectationsHash()
    {
        if (Expectations.Count == 0)
        {
            return "";
        }

        using var b = new FingerprintBuilder("expectations");
        return b.AddAll("rules", Expectations.Select(e => $"{e.Name}\n{e.Action}\n{e.Sql.Trim()}")).Build();
    }

    /// <summary>A hash of every check definition: when it is unchanged, only partitions written since need checking.</summary>
    public string ChecksHash()
    {
        using var b = new FingerprintBuilder("checks");
        return b.AddAll("checks", Checks.Select(c => c.Hash())).Build();
    }
}
