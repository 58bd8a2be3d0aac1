using Strata.Cli.Output;
using Strata.Planning;
using Strata.Workflow.Contracts;

namespace Strata.Cli.Tests;

public sealed class PlanPrinterTests
{
    private static readonly PlanItem Waiting = new("2026-11-21", "f1", StaleReason.Blocked, "blocked by not_null_amount on orders/2026-11-21");

    [Fact]
    public void Format_WhenOnlyBlockedPartitionsAreListed_SaysNothingIsStale_AndNamesWhatWaits()
    {
        var plan = new PipelinePlan("shop", [new DatasetPlanView("orders", "load", [], [], 2), new DatasetPlanView("sales", "integrate", [Waiting], [], 1)]);

        var text = PlanPrinter.Format(plan);

        Assert.StartsWith("shop: nothing is stale; a run would build nothing (3 partition(s) up to date).", text, StringComparison.Ordinal);
        Assert.Contains("1 partition(s) wait for a held input", text, StringComparison.Ordinal);
        Assert.Contains("integrate sales: 0 partition(s) stale, 1 blocked, 1 up to date", text, StringComparison.Ordinal);
        Assert.Contains("blocked by not_null_amount on orders/2026-11-21", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WithStaleAndBlockedPartitions_CountsThemApart()
    {
        var stale = new PlanItem("2026-11-20", "f2", StaleReason.NewData, "raw/orders/a.csv");
        var plan = new PipelinePlan("shop", [new DatasetPlanView("sales", "integrate", [stale, Waiting], [], 0)]);

        var text = PlanPrinter.Format(plan);

        Assert.StartsWith("shop: what a run would rebuild, and why", text, StringComparison.Ordinal);
        Assert.Contains("integrate sales: 1 partition(s) stale, 1 blocked, 0 up to date", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WithNothingStaleOrBlocked_IsOneLineAndTheSchedule()
    {
        var text = PlanPrinter.Format(new PipelinePlan("shop", [new DatasetPlanView("orders", "load", [], [], 4)]));

        Assert.DoesNotContain("held input", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
