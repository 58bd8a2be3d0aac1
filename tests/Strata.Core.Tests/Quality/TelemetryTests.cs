using System.Collections.Concurrent;
using System.Diagnostics;
using Strata.Runs;
using Strata.Telemetry;
using Strata.Testing;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Quality;

/// <summary>The Strata meter and activity source, observed with real listeners over real local runs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Names no other test uses: the listeners are process-wide and other tests run at the same time.
    private const string Yaml = """
        sources:
          meteredsales:
            landing: metered/sales/
            format: csv
            partition: { column: ts, grain: day }
        datasets:
          metereddaily:
            layer: integrate
            inputs:
              meteredsales: identity
        """;

    // Held partitions, expectation failures and check failures: every kind fails somewhere.
    private const string GaugedYaml = """
        sources:
          gaugedorders:
            landing: gauged/orders/
            format: csv
            partition: { column: ts, grain: day }
            schema:
              order_id: int64
              ts: timestamp
              amount: double
              status: string
            expectations:
              - name: positive_amount
                sql: amount > 0
                action: warn
              - name: known_status
                sql: status <> 'lost'
                action: quarantine
            checks:
              - not_null: [amount]
              - row_count: { min: 3 }
                severity: warn
        datasets:
          gaugedsales:
            layer: integrate
            inputs:
              gaugedorders: identity
            expectations:
              - name: first_order_only
                sql: order_id < 2
                action: fail
        """;

    private readonly TestPipelines _folder = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _folder.Write("metered", Yaml, ("sql/metereddaily.sql", "SELECT count(*) AS sales FROM meteredsales"));
        _folder.Write("gauged", GaugedYaml, ("sql/gaugedsales.sql", "SELECT order_id, amount FROM gaugedorders"));
        _lake = await TestLake.CreateAsync(azurite, _folder.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task LocalRun_RecordsRunDatasetAndPartitionMetrics_AndSpansWithPipelineAttributes()
    {
        using var measurements = new StrataMeasurements();
        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == StrataTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        await _lake.LandAsync("metered/sales/a.csv", "ts,amount\n2026-11-20T10:00:00Z,1\n2026-11-21T10:00:00Z,2\nnot-a-time,3\n");
        var run = await _lake.RunAsync("metered");

        Assert.Equal(RunStatus.CompletedWithWarnings, run.Status); // 1 of 3 rows quarantined
        Assert.Equal(2, measurements.Sum("strata.partitions", ("strata.dataset", "meteredsales"), ("strata.outcome", "built")));
        Assert.Equal(2, measurements.Sum("strata.partitions", ("strata.dataset", "metereddaily"), ("strata.outcome", "built")));
        Assert.Equal(1, measurements.Sum("strata.rows", ("strata.dataset", "meteredsales"), ("strata.kind", "quarantined")));
        Assert.Equal(3, measurements.Sum("strata.rows", ("strata.dataset", "meteredsales"), ("strata.kind", "in")));
        Assert.Equal(1, measurements.Sum("strata.runs", ("strata.pipeline", "metered"), ("strata.status", "CompletedWithWarnings")));
        Assert.Equal(1.0 / 3, Assert.Single(measurements.Of("strata.quarantine.ratio", ("strata.dataset", "meteredsales"))).Value, 6);
        Assert.Equal(4, measurements.Of("strata.partition.build.duration").Count(m => ((string?)m.Tags["strata.dataset"])!.StartsWith("metered", StringComparison.Ordinal)));
        Assert.Empty(measurements.Of("strata.partitions", ("strata.dataset", "meteredsales"), ("strata.outcome", "held")));

        var mine = spans.Where(s => Equals(s.GetTagItem("strata.run_id"), run.RunId)).ToList();
        var runSpan = Assert.Single(mine, s => s.OperationName == "strata.run");
        Assert.Equal("metered", runSpan.GetTagItem("strata.pipeline"));
        Assert.Equal(run.EndedAt!.Value - run.StartedAt, runSpan.Duration);
        Assert.Equal(["meteredsales", "metereddaily"], mine.Where(s => s.OperationName == "strata.step").Select(s => (string)s.GetTagItem("strata.dataset")!).Order().Reverse());
        Assert.Equal(4, mine.Count(s => s.OperationName == "strata.partition.build" && Equals(s.GetTagItem("strata.outcome"), "built")));
    }

    [Fact]
    public async Task RunWithFailingExpectationsAndChecks_CountsEachByNameActionAndSeverity_AndTheHeldPartition()
    {
        using var measurements = new StrataMeasurements();
        // 2026-11-20: one good row, one negative amount. 2026-11-21: a null amount (held by not_null) and a lost order (quarantined).
        await _lake.LandAsync("gauged/orders/a.csv", "order_id,ts,amount,status\n"
            + "1,2026-11-20T10:00:00Z,5,new\n2,2026-11-20T11:00:00Z,-1,new\n3,2026-11-21T10:00:00Z,,new\n4,2026-11-21T11:00:00Z,-2,lost\n");

        var run = await _lake.RunAsync("gauged");

        Assert.Equal(RunStatus.CompletedWithFailures, run.Status); // gaugedsales 2026-11-20 fails its expectation
        Assert.Equal(3, measurements.Sum("strata.expectation.failures", ("strata.dataset", "gaugedorders"), ("strata.expectation", "positive_amount"), ("strata.action", "warn")));
        Assert.Equal(1, measurements.Sum("strata.expectation.failures", ("strata.dataset", "gaugedorders"), ("strata.expectation", "known_status"), ("strata.action", "quarantine")));
        Assert.Equal(1, measurements.Sum("strata.expectation.failures", ("strata.dataset", "gaugedsales"), ("strata.expectation", "first_order_only"), ("strata.action", "fail")));
        var notNull = Assert.Single(measurements.Of("strata.check.failures", ("strata.dataset", "gaugedorders"), ("strata.check", "not_null_amount")));
        Assert.Equal((1, "error", "not_null", "gauged"), (notNull.Value, (string?)notNull.Tags["strata.severity"], (string?)notNull.Tags["strata.check.kind"], (string?)notNull.Tags["strata.pipeline"]));
        Assert.Equal(2, measurements.Sum("strata.check.failures", ("strata.dataset", "gaugedorders"), ("strata.check", "row_count"), ("strata.severity", "warn")));
        Assert.Equal(1, measurements.Sum("strata.partitions", ("strata.pipeline", "gauged"), ("strata.dataset", "gaugedorders"), ("strata.outcome", "held")));
        Assert.Equal(1, run.PartitionsHeld);

        // Nothing changed: no check runs again, so no new failure is counted; the partition is still held at the end of the run.
        var rerun = await _lake.RunAsync("gauged");

        Assert.Equal(1, rerun.PartitionsHeld);
        Assert.Single(measurements.Of("strata.check.failures", ("strata.dataset", "gaugedorders"), ("strata.check", "not_null_amount")));
        Assert.Equal(2, measurements.Sum("strata.partitions", ("strata.pipeline", "gauged"), ("strata.dataset", "gaugedorders"), ("strata.outcome", "held")));
    }
}
