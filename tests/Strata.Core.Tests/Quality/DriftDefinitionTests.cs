using Strata.Definitions;
using Strata.Testing;

namespace Strata.Tests.Quality;

public sealed class DriftDefinitionTests : IDisposable
{
    private readonly TestPipelines _pipelines = new();

    public void Dispose() => _pipelines.Dispose();

    [Fact]
    public void DriftAsAMapping_SetsThresholdsAndPolicy_AndTheScalarFormStillReads()
    {
        _pipelines.Write("shop", """
            sources:
              orders:
                landing: shop/orders/
                partition: { column: ts, grain: day }
                max_quarantine_ratio: 0.2
                drift: { schema: evolve, window: 7, min_history: 3, volume_ratio: 2, null_rate_jump: 0.5, range_tolerance: 0.25, volume_z: 2 }
              refunds:
                landing: shop/refunds/
                partition: { column: ts, grain: day }
                drift: evolve
            """);

        var pipeline = PipelineCatalog.Load(_pipelines.Root).Get("shop");

        var orders = pipeline.FindSource("orders")!;
        Assert.Equal(0.2, orders.MaxQuarantineRatio);
        Assert.Equal(new DriftThresholds { Window = 7, MinHistory = 3, VolumeRatio = 2, NullRateJump = 0.5, RangeTolerance = 0.25, VolumeZ = 2 }, orders.DriftThresholds);
        Assert.Equal(DriftPolicy.Evolve, orders.Drift);
        var refunds = pipeline.FindSource("refunds")!;
        Assert.Equal(DriftThresholds.Default, refunds.DriftThresholds);
        Assert.Equal(0.05, refunds.MaxQuarantineRatio);
    }

    [Theory]
    [InlineData("max_quarantine_ratio: 1.5", "source 'orders'.max_quarantine_ratio must be a number from 0 to 1")]
    [InlineData("drift: { window: 3, min_history: 5 }", "min_history (5) cannot exceed source 'orders'.drift.window (3)")]
    [InlineData("drift: { threshold: 3 }", "threshold")]
    public void BadQualitySettings_AreDefinitionErrorsNamingTheSetting(string line, string message)
    {
        _pipelines.Write("shop", $$"""
            sources:
              orders:
                landing: shop/orders/
                partition: { column: ts, grain: day }
                {{line}}
            """);

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
