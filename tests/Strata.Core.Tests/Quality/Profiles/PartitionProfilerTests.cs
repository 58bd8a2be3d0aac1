using System.Globalization;
using Microsoft.Extensions.Options;
using Strata.Quality.Profiles;
using Strata.Testing;

namespace Strata.Tests.Quality.Profiles;

/// <summary>
/// Profiling a batch's files together gives each file exactly the profile it gets alone, whatever
/// the batch holds: files of two schemas interleaved, a file without rows, a column named like the
/// file column, a column with few values in one file and many in another, and a missing file,
/// which fails alone.
/// </summary>
public sealed class PartitionProfilerTests : IDisposable
{
    private readonly ScratchFolder _folder = new("strata-profiler-tests");
    private readonly PartitionProfiler _profiler = new(Options.Create(new ProfileOptions()));


    [Fact]
    public void ProfileAll_MixedBatch_EachFileGetsTheProfileItGetsAlone()
    {
        var files = new List<string>
        {
            _folder.Parquet("a", "SELECT range AS id, ['x', 'y', 'z'][1 + range % 3] AS status, CAST(range * 1.5 AS DOUBLE) AS amount, 'c' || range AS strata_profiled_file FROM range(40)"),
            _folder.Parquet("b", "SELECT range AS id, 'only' AS status, NULL::DOUBLE AS amount, 'f' AS strata_profiled_file FROM range(3)"),
            _folder.Parquet("other", "SELECT DATE '2026-12-01' + CAST(range AS INTEGER) AS day, range % 2 = 0 AS flag, 'n' || range AS filename FROM range(10)"),
            _folder.Parquet("c", "SELECT range AS id, 'v' || range AS status, CAST(range * 1.5 AS DOUBLE) AS amount, 'c' || range AS strata_profiled_file FROM range(500)"),
            _folder.Parquet("empty", "SELECT range AS id, 'x' AS status, CAST(range * 1.5 AS DOUBLE) AS amount, 'c' AS strata_profiled_file FROM range(0)"),
            Path.Combine(_folder.Path, "missing.parquet"),
        };
        var targets = files.Select((f, i) => new ProfileTarget("events", $"p={i}", "run", f)).ToList();

        using var connection = PartitionProfiler.Open();
        var outcomes = _profiler.ProfileAll(connection, targets, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Equal(targets, outcomes.Select(o => o.Target));
        for (var i = 0; i < files.Count - 1; i++)
        {
            Assert.Null(outcomes[i].Error);
            var alone = _profiler.Profile("events", $"p={i}", "run", DateTimeOffset.UnixEpoch, files[i]);
            Assert.Equal(Text(alone), Text(outcomes[i].Profile!));
        }

        Assert.Null(outcomes[^1].Profile);
        Assert.NotNull(outcomes[^1].Error);
    }

    [Fact]
    public void ProfileAll_FewValuesInOneFileManyInAnother_KeepsValueCountsOnlyWhereFew_AsDuckDbCountsThem()
    {
        var few = _folder.Parquet("few", "SELECT ['new', 'paid'][1 + range % 2] AS status, range AS id FROM range(7)");
        var many = _folder.Parquet("many", "SELECT 's' || range AS status, range AS id FROM range(300)");
        var targets = new[] { few, many }.Select(f => new ProfileTarget("events", f, "run", f)).ToList();

        using var connection = PartitionProfiler.Open();
        var outcomes = _profiler.ProfileAll(connection, targets, DateTimeOffset.UnixEpoch, CancellationToken.None);

        var status = outcomes[0].Profile!.Column("status")!;
        var expected = DuckDbReader.Query($"SELECT status, count(*) AS n FROM read_parquet({DuckDbReader.Quote(few)}) GROUP BY 1")
            .ToDictionary(r => (string)r["status"]!, r => Convert.ToInt64(r["n"], CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), status.Values!.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(2, status.Distinct);
        Assert.Equal(7, outcomes[0].Profile!.Rows);
        Assert.Null(outcomes[1].Profile!.Column("status")!.Values);
        var estimate = DuckDbReader.Query($"SELECT approx_count_distinct(status) AS n FROM read_parquet({DuckDbReader.Quote(many)})")[0]["n"];
        Assert.Equal(Convert.ToInt64(estimate, CultureInfo.InvariantCulture), outcomes[1].Profile!.Column("status")!.Distinct);
        Assert.Equal("0", outcomes[1].Profile!.Column("id")!.Min);
        Assert.Equal("299", outcomes[1].Profile!.Column("id")!.Max);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Everything a profile says, as text: records compare their value-count dictionaries by reference.</summary>
    private static string Text(PartitionProfile profile) =>
        $"{profile.Dataset} {profile.Partition} {profile.Rows} skipped {profile.ColumnsSkipped}\n" + string.Join("\n", profile.Columns.Select(c =>
            $"{c.Name} {c.Type} nulls {c.Nulls} distinct {c.Distinct} {c.Min}..{c.Max} {c.MinNumber}..{c.MaxNumber} [{(c.Values is null ? "none" : string.Join(",", c.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")))}]"));
}
