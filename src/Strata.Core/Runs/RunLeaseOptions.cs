using Strata.Hosting;

namespace Strata.Runs;

/// <summary>How a run holds its pipeline so no other run overlaps it, in any host. Bound from <c>Strata:Runs</c>.</summary>
public sealed class RunLeaseOptions
{
    public const string Section = "Strata:Runs";

    /// <summary>
    /// How long a run's hold on its pipeline lasts without renewal. Default 1 minute; the local host
    /// renews every quarter of it while the run is alive. The trade-off: after a holder crashes, the
    /// next run waits up to this long; a holder cut off from storage (or paused) for longer than this
    /// loses its lease and another run may start beside it — commits stay exact (ETag-conditional),
    /// only the no-overlap promise lapses. In the Functions app the lease is renewed by the run's own
    /// framing activities (<c>StartRun</c>, <c>SweepLanding</c>, <c>CompleteDataset</c>), so set it
    /// above the longest dataset step there (e.g. <c>00:30:00</c>).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a run that waits for the lease (<c>strata run</c>) asks again. Default 1 s.</summary>
    public TimeSpan WaitPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the holder renews: a quarter of <see cref="LeaseDuration"/>, so three renewals can fail before it lapses.</summary>
    public TimeSpan RenewInterval => LeaseDuration / 4;

    /// <summary>Throws naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        var defaults = new RunLeaseOptions();
        SettingChecks.AtLeast<RunLeaseOptions>(Section, nameof(LeaseDuration), LeaseDuration, TimeSpan.FromSeconds(1), defaults.LeaseDuration);
        SettingChecks.AtLeast<RunLeaseOptions>(Section, nameof(WaitPollInterval), WaitPollInterval, TimeSpan.FromMilliseconds(10), defaults.WaitPollInterval);
    }
}
