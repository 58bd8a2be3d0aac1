using Strata.Runs;
using Strata.Testing;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Quality;

/// <summary>Held partitions, expectation failures and check failures as metrics, observed with a real MeterListener over a real local run.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QualityTelemetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Names no other test uses: the listener is process-wide and other tests run at the same time.
    private const string Yaml = """
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
        _folder.Write("gauged", Yaml, ("sql/gaugedsales.sql", "SELECT order_id, amount FROM gaugedorders"));
        _lake = await TestLake.CreateAsync(azurite, _folder.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _folder.Dispose();
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
