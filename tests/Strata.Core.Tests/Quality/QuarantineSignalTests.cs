using System.Text;
using Strata.Runs;
using Strata.Status;
using Strata.Testing;

namespace Strata.Tests.Quality;

/// <summary>Quarantine as a signal in a real run: the case (every row quarantined) warns; status keeps the tally.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuarantineSignalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Yaml = """
        sources:
          entries:
            landing: raffle/entries/
            format: csv
            partition: { column: ts, grain: day }
            max_quarantine_ratio: 0.5
        """;

    private readonly TestPipelines _folder = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _folder.Write("raffle", Yaml);
        _lake = await TestLake.CreateAsync(azurite, _folder.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task EveryRowQuarantined_EndsCompletedWithWarnings_AndStatusCountsRowsThenAFileRun_AddsTheFile()
    {
        await _lake.LandAsync("raffle/entries/bad.csv", Rows(560, "not-a-time"));
        var all = await _lake.RunAsync("raffle");

        await _lake.LandAsync("raffle/entries/fine.csv", Rows(10, "2026-11-20T10:00:00Z") + "never,1\n");
        var under = await _lake.RunAsync("raffle");

        Assert.Equal(RunStatus.CompletedWithWarnings, all.Status);
        var entries = all.Datasets.Single();
        Assert.Equal((560L, 0L), (entries.RowsQuarantined, entries.RowsWritten));
        Assert.Contains("quarantined 560 of 560 rows (100%), above max_quarantine_ratio 0.5", Assert.Single(entries.Warnings), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, under.Status); // 1 of 11 is under this source's 0.5
        var status = (await _lake.Get<StatusService>().ReportAsync(CancellationToken.None)).Pipelines.Single().Datasets.Single();
        Assert.Equal((561L, 0), (status.QuarantinedRows, status.QuarantinedFiles));
        Assert.Equal(RunStatus.CompletedWithWarnings, (await _lake.Get<RunStore>().GetAsync(all.RunId, CancellationToken.None))!.Status);
    }

    private static string Rows(int count, string ts)
    {
        var csv = new StringBuilder("ts,ticket\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(ts).Append(',').Append(i).Append('\n');
        }

        return csv.ToString();
    }
}
