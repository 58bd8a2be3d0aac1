using Strata.Definitions;
using Strata.Testing;
using Strata.Validation;

namespace Strata.Tests.Schedules;

/// <summary><c>schedule:</c> in <c>pipeline.yaml</c>: read as cron in UTC, rejected with file, line and column when it is not one.</summary>
public sealed class ScheduleDefinitionTests : IDisposable
{
    private const string Source = """
        sources:
          orders:
            landing: shop/orders/
            partition: { column: ts, grain: day }
        """;

    private readonly TestPipelines _pipelines = new();

    public void Dispose() => _pipelines.Dispose();

    [Theory]
    [InlineData("\"*/15 * * * *\"", "2026-11-20T10:07:00Z", "2026-11-20T10:15:00Z")]
    [InlineData("\"0 2 * * *\"", "2026-11-20T10:07:00Z", "2026-11-21T02:00:00Z")]
    [InlineData("\"30 6 * * MON-FRI\"", "2026-11-20T10:07:00Z", "2026-11-23T06:30:00Z")]
    [InlineData("\"@hourly\"", "2026-11-20T10:07:00Z", "2026-11-20T11:00:00Z")]
    public void Schedule_IsReadAsCronInUtc(string schedule, string now, string next)
    {
        _pipelines.Write("shop", $"schedule: {schedule}\n" + Source);

        var pipeline = PipelineCatalog.Load(_pipelines.Root).Get("shop");

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), pipeline.Schedule!.NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NoSchedule_MeansNone()
    {
        _pipelines.Write("shop", Source);

        Assert.Null(PipelineCatalog.Load(_pipelines.Root).Get("shop").Schedule);
    }

    [Theory]
    [InlineData("schedule: \"*/15 * *\"\n", "pipeline.yaml:1:11: schedule '*/15 * *' is not a cron expression")]
    [InlineData("schedule: \"0 0 * * * *\"\n", "pipeline.yaml:1:11: schedule '0 0 * * * *' is not a cron expression")]
    [InlineData("schedule: \"0 0 31 2 *\"\n", "pipeline.yaml:1:11: schedule '0 0 31 2 *' names no time that exists")]
    [InlineData("schedule:\n  every: 15m\n", "pipeline.yaml:2:3: schedule must be a single value")]
    [InlineData("schedul: \"@daily\"\n", "pipeline.yaml:1:1: unknown key 'schedul'")]
    public void BadSchedule_FailsWithFileLineColumnAndWhatToWrite(string yaml, string expected)
    {
        _pipelines.Write("shop", yaml + Source);

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));
        var problems = DefinitionValidator.Validate(_pipelines.Root);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
