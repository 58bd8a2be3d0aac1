using Strata.Hosting;

namespace Strata.Schedules;

/// <summary>How schedules are swept. Bound from <c>Strata:Schedules</c>.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Strata:Schedules";

    /// <summary>
    /// How often <c>strata serve</c> sweeps (the Functions app's timer has its own NCRONTAB, every
    /// minute). Default 30 s: a due run starts at most this late; a shorter interval costs one table
    /// read per pipeline per sweep.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed slot may wait for its start to be confirmed before another sweep presumes
    /// the claimer died and starts it. Default 2 minutes; well above the seconds a start takes, so a
    /// live claimer is never doubled.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        var defaults = new ScheduleOptions();
        SettingChecks.AtLeast<ScheduleOptions>(Section, nameof(SweepInterval), SweepInterval, TimeSpan.FromMilliseconds(10), defaults.SweepInterval);
        SettingChecks.AtLeast<ScheduleOptions>(Section, nameof(ClaimTimeout), ClaimTimeout, TimeSpan.FromSeconds(1), defaults.ClaimTimeout);
    }
}
