using Strata.Schedules;

namespace Strata.Cli.Output;

/// <summary>The schedule line <c>plan</c> and <c>status</c> print for a pipeline.</summary>
internal static class SchedulePrinter
{
    public static string Line(ScheduleView? schedule, string indent = "") => schedule switch
    {
        null => $"{indent}schedule: none (runs when data lands or a run is requested)\n",
        { NextDue: { } due } => $"{indent}schedule: {schedule.Cron} (UTC); next run due {due:yyyy-MM-dd HH:mm}Z{Last(schedule)}\n",
        _ => $"{indent}schedule: {schedule.Cron} (UTC); no later time matches it{Last(schedule)}\n",
    };

    private static string Last(ScheduleView schedule) =>
        schedule.LastSlot is { } slot ? $"; last started for {slot:yyyy-MM-dd HH:mm}Z" : "";
}
