using System.Globalization;
using System.Text;
using Strata.Quality.Drift;
using Strata.Quality.Profiles;
using Strata.Runs;
using Strata.Status;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Quality;

/// <summary>
/// Profiles and semantic drift over real runs in Azurite: twenty steady days report nothing; then a
/// day whose volume drops 90 %, a day whose column goes 60 % null and a day with a new status are
/// each reported once, with the partition and the numbers, and a normal day after them is not.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SemanticDriftTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Yaml = """
        sources:
          sales:
            landing: shop/sales/
            format: csv
            partition: { column: ts, grain: day, key: sale_date }
            schema:
              id: int64
              ts: timestamp
              status: string
              amount: double
              discount: int64
        """;

    private readonly TestPipelines _folder = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _folder.Write("shop", Yaml);
        _lake = await TestLake.CreateAsync(azurite, _folder.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task SteadyDays_ReportNothing_ThenEachDriftIsReportedOnce_WithPartitionAndNumbers()
    {
        for (var day = 1; day <= 20; day++)
        {
            await _lake.LandAsync($"shop/sales/d{day:D2}.csv", Day(day, rows: 200));
        }

        var steady = await _lake.RunAsync("shop");

        await _lake.LandAsync("shop/sales/d21.csv", Day(21, rows: 20));
        await _lake.LandAsync("shop/sales/d22.csv", Day(22, rows: 200, nullEvery: 5, nullOf: 3));
        await _lake.LandAsync("shop/sales/d23.csv", Day(23, rows: 200, newStatusEvery: 10));
        await _lake.LandAsync("shop/sales/d24.csv", Day(24, rows: 200));
        var drifted = await _lake.RunAsync("shop");

        Assert.Equal(RunStatus.Completed, steady.Status);
        Assert.Empty(steady.Datasets.Single().DataDrift);
        Assert.Equal(RunStatus.Completed, drifted.Status); // drift alone does not warn the run
        var lines = drifted.Datasets.Single().DataDrift;
        Assert.Equal(3, lines.Count);
        Assert.Contains("2026-11-21 volume: expected 200 rows (median of 14; 67 to 600), seen 20 rows (-90%) (error)", lines);
        Assert.Contains("2026-11-22 null_rate discount: expected at most 0% null, seen 60% null (120 of 200 rows) (warn)", lines);
        Assert.Contains(lines, l => l.StartsWith("2026-11-23 new_value status: expected one of 'open', 'paid', seen 'lost' in 20 rows", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("2026-11-24", StringComparison.Ordinal));

        var stored = await _lake.Get<DataDriftStore>().RecentAsync("sales", 10, CancellationToken.None);
        Assert.Equal(3, stored.Count);
        Assert.All(stored, e => Assert.Equal(drifted.RunId, e.RunId));
        var status = await _lake.Get<StatusService>().ReportAsync(CancellationToken.None);
        Assert.Equal(3, status.Pipelines.Single().Datasets.Single().DataDrift.Count);
        var history = await _lake.Get<Strata.Views.HistoryViews>().SchemasAsync(_lake.Get<Strata.Definitions.PipelineCatalog>().Get("shop"), CancellationToken.None);
        Assert.Equal([DataDriftKind.Volume, DataDriftKind.NullRate, DataDriftKind.NewValue], history.DataDrift.Select(e => e.Kind).Order());

        // A rerun with nothing new builds nothing, so it reports nothing again.
        var rerun = await _lake.RunAsync("shop");
        Assert.Empty(rerun.Datasets.Single().DataDrift);
    }

    [Fact]
    public async Task Profile_OfABuiltPartition_EqualsDuckDbsOwnAggregatesOverTheWrittenParquet()
    {
        await _lake.LandAsync("shop/sales/d01.csv", Day(1, rows: 500, nullEvery: 5, nullOf: 2, newStatusEvery: 7));
        await _lake.RunAsync("shop");

        var partition = (await _lake.PartitionAsync("sales", "2026-11-01"))!;
        var profile = (await _lake.Get<ProfileStore>().GetAsync("sales", partition.Partition, CancellationToken.None))!;
        var file = DuckDbReader.Quote(await _lake.DownloadAsync(LakeContainers.Load, partition.OutputPath));

        Assert.Equal(partition.Rows, profile.Rows);
        foreach (var column in new[] { "id", "ts", "status", "amount", "discount" })
        {
            var truth = DuckDbReader.Query($"SELECT count(*) - count({column}) AS nulls, CAST(min({column}) AS VARCHAR) AS lo, CAST(max({column}) AS VARCHAR) AS hi, count(DISTINCT {column}) AS n FROM read_parquet({file})").Single();
            var p = profile.Column(column)!;
            Assert.Equal(Convert.ToInt64(truth["nulls"], CultureInfo.InvariantCulture), p.Nulls);
            Assert.Equal(truth["lo"], p.Min);
            Assert.Equal(truth["hi"], p.Max);
            var distinct = Convert.ToInt64(truth["n"], CultureInfo.InvariantCulture);
            // DuckDB's HyperLogLog estimate: the README (Data quality) documents 20 %; exact below the low-cardinality limit.
            Assert.InRange(p.Distinct, distinct * 0.8, distinct * 1.2);
            if (p.Values is not null)
            {
                Assert.Equal(distinct, p.Distinct);
            }
        }

        var counts = DuckDbReader.Query($"SELECT status, count(*) AS n FROM read_parquet({file}) GROUP BY status ORDER BY status");
        Assert.Equal(counts.ToDictionary(r => (string)r["status"]!, r => Convert.ToInt64(r["n"], CultureInfo.InvariantCulture)), profile.Column("status")!.Values);
        Assert.Null(profile.Column("id")!.Values); // numbers keep no value counts
        Assert.Equal(Convert.ToDouble(DuckDbReader.Query($"SELECT max(amount) AS m FROM read_parquet({file})").Single()["m"], CultureInfo.InvariantCulture), profile.Column("amount")!.MaxNumber);
    }

    /// <summary>One day of sales: status open/paid (every <paramref name="newStatusEvery"/>th row 'lost'), <paramref name="nullOf"/> of every <paramref name="nullEvery"/> discounts empty.</summary>
    private static string Day(int day, int rows, int nullEvery = 0, int nullOf = 0, int newStatusEvery = 0)
    {
        var csv = new StringBuilder("id,ts,status,amount,discount\n");
        for (var i = 0; i < rows; i++)
        {
            var status = newStatusEvery > 0 && i % newStatusEvery == 0 ? "lost" : i % 2 == 0 ? "open" : "paid";
            var discount = nullEvery > 0 && i % nullEvery < nullOf ? "" : (i % 10).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{(day * 1000) + i},2026-11-{day:D2}T{i % 24:D2}:00:00Z,{status},{(i * 37) % 1000}.5,{discount}\n");
        }

        return csv.ToString();
    }
}
