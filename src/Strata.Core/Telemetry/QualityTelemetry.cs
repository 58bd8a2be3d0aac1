using Strata.Quality;

namespace Strata.Telemetry;

/// <summary>
/// What expectations and checks found, as metrics: recorded where they are evaluated (the build
/// and check activities), so a Durable replay does not count twice.
/// </summary>
public static class QualityTelemetry
{
    /// <summary>
    /// One measurement per expectation with unmet rows, including a <c>fail</c> one (recorded before
    /// the partition fails), so a failed partition's cause is counted too.
    /// </summary>
    public static void Expectations(string dataset, IReadOnlyList<ExpectationCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var count in counts.Where(c => c.NotMet > 0))
        {
            StrataTelemetry.ExpectationFailures.Add(
                count.NotMet,
                new("strata.dataset", dataset),
                new("strata.expectation", count.Name),
                new("strata.action", count.Action.ToString().ToLowerInvariant()));
        }
    }

    /// <summary>One measurement per failed check result (a check runs again only when its partition's rows or its definition changed).</summary>
    public static void Checks(string? pipeline, IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results.Where(r => !r.Passed))
        {
            StrataTelemetry.CheckFailures.Add(
                1,
                new("strata.pipeline", pipeline),
                new("strata.dataset", result.Dataset),
                new("strata.check", result.Check),
                new("strata.check.kind", result.Kind),
                new("strata.severity", result.Severity.ToString().ToLowerInvariant()));
        }
    }
}
