using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Strata.Runs;
using Strata.Testing;
using Strata.Tests.Workflow;

namespace Strata.Tests.Runs;

/// <summary>The keeper renews a held lease on the host's clock (a fake one here) and lets go of it as documented.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunLeaseKeeperTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly TestPipelines _pipelines = new();
    private readonly FakeTimeProvider _time = new(Start);
    private TestLake _lake = null!;
    private RunLeaseKeeper _keeper = null!;

    private PipelineStateStore States => _lake.Get<PipelineStateStore>();

    public async Task InitializeAsync()
    {
        _pipelines.Write("shop", Pipelines.Shop);
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root);
        _keeper = new RunLeaseKeeper(States, _lake.Get<RunStore>(), Options.Create(new RunLeaseOptions()), _time, NullLogger<RunLeaseKeeper>.Instance);
    }

    public async Task DisposeAsync()
    {
        _keeper.Dispose();
        await _lake.DisposeAsync();
        _pipelines.Dispose();
    }

    [Fact]
    public async Task HeldLease_IsRenewedEveryQuarterOfItsDuration_AndEndsWhenReleased()
    {
        var attempt = await _keeper.AcquireAsync("shop", markDirtyWhenHeld: false, CancellationToken.None);
        var runId = attempt.State.ActiveRunId!;
        await using var hold = _keeper.Hold("shop");

        _time.Advance(TimeSpan.FromSeconds(15));
        var renewedOnce = await ExpiryReachesAsync(Start.AddSeconds(75));
        _time.Advance(TimeSpan.FromSeconds(15));
        var renewedTwice = await ExpiryReachesAsync(Start.AddSeconds(90));
        var dirty = await _keeper.ReleaseAsync("shop", runId, CancellationToken.None);
        var released = await States.GetAsync("shop", CancellationToken.None);

        Assert.Equal((Start.AddMinutes(1), "shop-000001"), (attempt.State.LeaseExpiresAt, runId));
        Assert.Equal(Start.AddSeconds(75), renewedOnce);
        Assert.Equal(Start.AddSeconds(90), renewedTwice);
        Assert.False(dirty);
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (released.ActiveRunId, released.LeaseExpiresAt));
    }

    [Fact]
    public async Task HoldClosedBeforeTheRunEnded_ReleasesTheLease_AndRecordsTheRunFailed()
    {
        var runId = (await _keeper.AcquireAsync("shop", markDirtyWhenHeld: false, CancellationToken.None)).State.ActiveRunId!;
        await _lake.Get<RunStore>().SaveAsync(new RunRecord { RunId = runId, Pipeline = "shop", Number = 1, Status = RunStatus.Running, StartedAt = Start }, CancellationToken.None);

        await _keeper.Hold("shop").DisposeAsync();

        Assert.Null((await States.GetAsync("shop", CancellationToken.None)).ActiveRunId);
        Assert.Equal(RunStatus.Failed, (await _lake.Get<RunStore>().GetAsync(runId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RunWhoseLeaseWasTakenOver_StopsBeingRenewed_AndDoesNotEndTheNewHolder()
    {
        var old = (await _keeper.AcquireAsync("shop", markDirtyWhenHeld: false, CancellationToken.None)).State.ActiveRunId!;
        _time.Advance(TimeSpan.FromMinutes(2));
        var taker = await States.TryStartRunAsync("shop", "elsewhere/7", _time.GetUtcNow(), TimeSpan.FromMinutes(1), markDirtyWhenHeld: false, CancellationToken.None);
        await States.MarkDirtyAsync("shop", CancellationToken.None);

        await _keeper.TouchAsync(old, CancellationToken.None);
        var dirtyForOld = await _keeper.ReleaseAsync("shop", old, CancellationToken.None);
        var state = await States.GetAsync("shop", CancellationToken.None);

        Assert.Equal(old, taker.LapsedRunId);
        Assert.False(dirtyForOld);
        Assert.Equal(("shop-000002", "elsewhere/7", true, _time.GetUtcNow().AddMinutes(1)), (state.ActiveRunId, state.LeaseHolder, state.Dirty, state.LeaseExpiresAt));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    public void LeaseDurationThatCannotWork_IsRejectedNamingTheSetting(string duration)
    {
        var options = new RunLeaseOptions { LeaseDuration = TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture) };

        var error = Assert.Throws<OptionsValidationException>(() => new RunLeaseKeeper(States, _lake.Get<RunStore>(), Options.Create(options), _time, NullLogger<RunLeaseKeeper>.Instance));

        Assert.Contains("Strata:Runs:LeaseDuration", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Renewal runs on the timer's thread: waits (bounded) until the stored expiry reaches <paramref name="expected"/>.</summary>
    private async Task<DateTimeOffset?> ExpiryReachesAsync(DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var expiry = (await States.GetAsync("shop", CancellationToken.None)).LeaseExpiresAt;
            if (expiry >= expected || DateTime.UtcNow > deadline)
            {
                return expiry;
            }

            await Task.Delay(20);
        }
    }
}
