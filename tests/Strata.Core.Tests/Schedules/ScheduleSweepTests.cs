using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Strata.Definitions;
using Strata.Runs;
using Strata.Schedules;
using Strata.Testing;
using Strata.Tests.Workflow;

namespace Strata.Tests.Schedules;

/// <summary>
/// What a sweep decides, against real schedule state in Azurite, with time driven by a fake clock:
/// each slot starts once at its minute, a restart neither repeats nor loses one, downtime is caught
/// up by one run, and a pipeline without a schedule never starts on its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleSweepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 7, 0, TimeSpan.Zero);
    private readonly TestPipelines _pipelines = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingLauncher _launcher = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _pipelines.Write("shop", "schedule: \"*/15 * * * *\"\n" + Pipelines.Shop);
        _pipelines.Write("manual", """
            sources:
              notes:
                landing: manual/notes/
                format: csv
                partition: none
            """);
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _pipelines.Dispose();
    }

    [Fact]
    public async Task DueSlot_StartsOnceAtItsMinute_NotBeforeAndNotAgain()
    {
        var sweep = Sweep();

        var atFirstSight = await SweepAtAsync(sweep, Start);
        var justBefore = await SweepAtAsync(sweep, At(10, 14, 59));
        var onTheMinute = await SweepAtAsync(sweep, At(10, 15, 0));
        var halfAMinuteLater = await SweepAtAsync(sweep, At(10, 15, 30));
        var nextSlot = await SweepAtAsync(sweep, At(10, 30, 0));

        Assert.Empty(atFirstSight);
        Assert.Empty(justBefore);
        var start = Assert.Single(onTheMinute);
        Assert.Equal(("shop", "schedule", At(10, 15, 0), 1), (start.Pipeline, start.Trigger, start.Slot, start.MissedSlots));
        Assert.Empty(halfAMinuteLater);
        Assert.Equal(At(10, 30, 0), Assert.Single(nextSlot).Slot);
        Assert.Equal(2, _launcher.Starts.Count);
        Assert.All(_launcher.Starts, r => Assert.Equal(("shop", "schedule", false), (r.Pipeline, r.Trigger, r.WaitForLease)));
        Assert.Equal(At(10, 45, 0), (await Store().GetAsync("shop", CancellationToken.None))!.NextDue);
    }

    [Fact]
    public async Task RestartedSweeper_NeitherRepeatsNorLosesASlot()
    {
        await SweepAtAsync(Sweep(), Start);
        await SweepAtAsync(Sweep(), At(10, 15, 10));

        var afterRestart = await SweepAtAsync(Sweep(), At(10, 16, 0));
        var nextSlotAfterRestart = await SweepAtAsync(Sweep(), At(10, 30, 5));

        Assert.Empty(afterRestart);
        Assert.Equal(At(10, 30, 0), Assert.Single(nextSlotAfterRestart).Slot);
        Assert.Equal(2, _launcher.Starts.Count);
    }

    [Fact]
    public async Task Downtime_CatchesUpEveryMissedSlotWithOneRun()
    {
        await SweepAtAsync(Sweep(), Start);

        var afterDowntime = await SweepAtAsync(Sweep(), At(11, 52, 0));
        var aMinuteLater = await SweepAtAsync(Sweep(), At(11, 53, 0));

        var start = Assert.Single(afterDowntime);
        Assert.Equal(At(11, 45, 0), start.Slot);
        Assert.Equal(7, start.MissedSlots); // 10:15 through 11:45
        Assert.Empty(aMinuteLater);
        var state = await Store().GetAsync("shop", CancellationToken.None);
        Assert.Equal((At(12, 0, 0), At(11, 45, 0)), (state!.NextDue, state.LastSlot));
        Assert.Single(_launcher.Starts);
    }

    [Fact]
    public async Task TwoSweepersAtOnce_StartTheSlotOnce()
    {
        await SweepAtAsync(Sweep(), Start);
        _time.SetUtcNow(At(10, 15, 0));

        var both = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Sweep().RunAsync(_launcher, CancellationToken.None)));

        Assert.Equal(1, both.Sum(b => b.Count));
        Assert.Single(_launcher.Starts);
    }

    [Fact]
    public async Task SweeperThatDiedBetweenClaimAndStart_ItsSlotIsStartedOnceByALaterSweep()
    {
        await SweepAtAsync(Sweep(), Start);
        _time.SetUtcNow(At(10, 15, 0));
        _launcher.Fail = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Sweep().RunAsync(_launcher, CancellationToken.None));
        _launcher.Fail = false;

        var whileTheClaimIsFresh = await SweepAtAsync(Sweep(), At(10, 16, 0));
        var afterTheClaimTimedOut = await SweepAtAsync(Sweep(), At(10, 17, 0));
        var later = await SweepAtAsync(Sweep(), At(10, 18, 0));

        Assert.Empty(whileTheClaimIsFresh);
        Assert.Equal(At(10, 15, 0), Assert.Single(afterTheClaimTimedOut).Slot);
        Assert.Empty(later);
        Assert.Single(_launcher.Starts);
    }

    [Fact]
    public async Task ChangedSchedule_CountsFromWhenItIsSeen()
    {
        await SweepAtAsync(Sweep(), Start);
        _pipelines.Write("shop", "schedule: \"0 12 * * *\"\n" + Pipelines.Shop);
        await _lake.ReopenAsync();

        var seen = await SweepAtAsync(Sweep(), At(10, 20, 0));
        var noon = await SweepAtAsync(Sweep(), At(12, 0, 0));

        Assert.Empty(seen);
        Assert.Equal(At(12, 0, 0), Assert.Single(noon).Slot);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), (await Store().GetAsync("shop", CancellationToken.None))!.NextDue);
    }

    [Fact]
    public async Task PipelineWithoutASchedule_NeverStartsOnItsOwn()
    {
        var sweep = Sweep();
        var starts = new List<ScheduledStart>();
        for (var hour = 0; hour < 72; hour += 7)
        {
            starts.AddRange(await SweepAtAsync(sweep, Start.AddHours(hour)));
        }

        Assert.DoesNotContain(starts, s => s.Pipeline == "manual");
        Assert.DoesNotContain(_launcher.Starts, r => r.Pipeline == "manual");
        Assert.Null(await Store().GetAsync("manual", CancellationToken.None));
        Assert.Null(await Store().ViewAsync(_lake.Get<PipelineCatalog>().Get("manual"), CancellationToken.None));
    }

    [Fact]
    public async Task DirtyPipelineWhileARunHoldsIt_IsLeftToThatRun_AndSweptOnceTheLeaseLapses()
    {
        var states = _lake.Get<PipelineStateStore>();
        await states.TryStartRunAsync("manual", "elsewhere/1", Start, TimeSpan.FromMinutes(1), markDirtyWhenHeld: false, CancellationToken.None);
        await states.MarkDirtyAsync("manual", CancellationToken.None);

        var whileHeld = await SweepAtAsync(Sweep(), Start.AddSeconds(30));
        var afterTheLeaseLapsed = await SweepAtAsync(Sweep(), Start.AddMinutes(2));

        Assert.DoesNotContain(whileHeld, s => s.Pipeline == "manual");
        var swept = Assert.Single(afterTheLeaseLapsed, s => s.Pipeline == "manual");
        Assert.Equal(("sweep", (DateTimeOffset?)null), (swept.Trigger, swept.Slot));
    }

    private async Task<IReadOnlyList<ScheduledStart>> SweepAtAsync(ScheduleSweep sweep, DateTimeOffset now)
    {
        _time.SetUtcNow(now);
        return await sweep.RunAsync(_launcher, CancellationToken.None);
    }

    /// <summary>A fresh sweeper over the same storage, as after a restart.</summary>
    private ScheduleSweep Sweep() =>
        new(_lake.Get<PipelineCatalog>(), Store(), _lake.Get<PipelineStateStore>(), Options.Create(new ScheduleOptions()), _time, NullLogger<ScheduleSweep>.Instance);

    private ScheduleStore Store() => new(_lake.Storage, _time);

    private static DateTimeOffset At(int hour, int minute, int second) => new(2026, 11, 20, hour, minute, second, TimeSpan.Zero);
}
