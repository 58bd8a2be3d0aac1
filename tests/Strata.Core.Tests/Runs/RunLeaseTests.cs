using Strata.Runs;
using Strata.Testing;
using Strata.Tests.Workflow;
using Strata.Workflow;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Tests.Runs;

/// <summary>
/// The run lease through the real local host, against Azurite. Another holder is played by writing
/// the lease as another process would (<see cref="PipelineStateStore.TryStartRunAsync"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunLeaseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestPipelines _pipelines = new();
    private TestLake _lake = null!;

    private PipelineStateStore States => _lake.Get<PipelineStateStore>();

    public async Task InitializeAsync()
    {
        _pipelines.Write("shop", Pipelines.Shop);
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root);
        await _lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1"), (2, "2026-11-21T10:00:00Z", "b@x.com", "2")));
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _pipelines.Dispose();
    }

    [Fact]
    public async Task StartWhileAnotherProcessHoldsThePipeline_RunsNothing_AndMarksItDirtyForTheHolder()
    {
        var other = await HoldElsewhereAsync(TimeSpan.FromMinutes(5));

        var (id, _) = await _lake.Host.StartAsync(new RunRequest("shop", Trigger: "landing"), CancellationToken.None);
        await _lake.Host.WaitAsync(id);
        var output = (RunSummary)_lake.Host.Get(id)!.Output!;
        var state = await States.GetAsync("shop", CancellationToken.None);
        var holderContinues = await States.EndRunAsync("shop", other, CancellationToken.None);

        Assert.Equal(RunStatus.Refused, output.Status);
        Assert.Equal((other, "elsewhere/42", true), (output.Refused!.RunId, output.Refused.Holder, output.Refused.MarkedDirty));
        Assert.Equal((1L, other, true), (state.RunCounter, state.ActiveRunId, state.Dirty));
        Assert.True(holderContinues);
        Assert.Null(await _lake.PartitionAsync("orders", "2026-11-20"));
        Assert.Empty(await _lake.Get<RunStore>().RecentAsync("shop", 5, CancellationToken.None));
    }

    [Fact]
    public async Task RunThatWaits_StartsOnlyAfterTheHolderEnds_WithoutMarkingItDirty()
    {
        var other = await HoldElsewhereAsync(TimeSpan.FromMinutes(5));
        var refusals = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startRuns = 0;
        _lake.Host.ActivityCompleted += name =>
        {
            if (name == WorkflowNames.StartRun && Interlocked.Increment(ref startRuns) == 2)
            {
                refusals.SetResult();
            }
        };

        var waiting = _lake.RunAsync("shop");
        await refusals.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var whileWaiting = await States.GetAsync("shop", CancellationToken.None);
        var releasedAt = DateTimeOffset.UtcNow;
        await States.EndRunAsync("shop", other, CancellationToken.None);
        var summary = await waiting;

        Assert.Equal((other, false), (whileWaiting.ActiveRunId, whileWaiting.Dirty));
        Assert.Equal(("shop-000002", RunStatus.Completed), (summary.RunId, summary.Status));
        Assert.True(summary.StartedAt >= releasedAt, $"the run started at {summary.StartedAt:O}, before the holder ended at {releasedAt:O}");
        Assert.NotNull(await _lake.PartitionAsync("orders", "2026-11-21"));
    }

    [Fact]
    public async Task LapsedLease_IsTakenOver_AndTheLapsedRunIsRecordedFailed()
    {
        var crashed = await HoldElsewhereAsync(TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow.AddMinutes(-1));
        await _lake.Get<RunStore>().SaveAsync(new RunRecord { RunId = crashed, Pipeline = "shop", Number = 1, Status = RunStatus.Running, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, CancellationToken.None);

        var summary = await _lake.RunAsync("shop");
        var lapsed = await _lake.Get<RunStore>().GetAsync(crashed, CancellationToken.None);

        Assert.Equal(("shop-000002", RunStatus.Completed), (summary.RunId, summary.Status));
        Assert.Equal(RunStatus.Failed, lapsed!.Status);
        Assert.Contains("lease lapsed", lapsed.Error, StringComparison.Ordinal);
        Assert.Null((await States.GetAsync("shop", CancellationToken.None)).ActiveRunId);
    }

    [Fact]
    public async Task RunStoppedMidway_ReleasesItsLease_SoTheNextRunNeedNotWaitAndResumes()
    {
        using var stop = new CancellationTokenSource();
        _lake.Host.ActivityCompleted += name =>
        {
            if (name is WorkflowNames.BuildLoadPartition or WorkflowNames.BuildLoadPartitions)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _lake.RunAsync("shop", ct: stop.Token));
        var stopped = await _lake.Get<RunStore>().GetAsync("shop-000001", CancellationToken.None);
        var afterStop = await States.GetAsync("shop", CancellationToken.None);
        var next = await _lake.RunAsync("shop");

        Assert.Equal(RunStatus.Failed, stopped!.Status);
        Assert.Null(afterStop.ActiveRunId);
        Assert.Equal(("shop-000002", RunStatus.Completed), (next.RunId, next.Status));
        var orders = next.Datasets.Single(d => d.Dataset == "orders");
        Assert.Equal(2, orders.Built + orders.Skipped);
        Assert.Equal(2, (await _lake.ReadAsync("orders", "2026-11-20")).Count + (await _lake.ReadAsync("orders", "2026-11-21")).Count);
    }

    /// <summary>Takes the lease as another process would, until <paramref name="from"/> + <paramref name="duration"/>.</summary>
    private async Task<string> HoldElsewhereAsync(TimeSpan duration, DateTimeOffset? from = null)
    {
        var attempt = await States.TryStartRunAsync("shop", "elsewhere/42", from ?? DateTimeOffset.UtcNow, duration, markDirtyWhenHeld: false, CancellationToken.None);
        Assert.True(attempt.Acquired);
        return attempt.State.ActiveRunId!;
    }
}
