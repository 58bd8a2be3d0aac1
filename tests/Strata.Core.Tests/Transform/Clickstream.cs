using System.Text;

namespace Strata.Tests.Transform;

/// <summary>
/// The pipeline the integrate/action tests use: clicks (by day) and a users reference (one
/// partition); <c>sessions</c> joins them per day; <c>daily</c> (identity) and <c>rolling</c>
/// (window of 3 days) are products.
/// </summary>
internal static class Clickstream
{
    public const string Yaml = """
        sources:
          clicks:
            landing: clicks/
            format: csv
            partition: { column: ts, grain: day, key: event_date }
            schema:
              id: { type: int64, required: true }
              ts: { type: timestamp, required: true }
          users:
            landing: users/
            format: csv
            partition: none
        datasets:
          sessions:
            layer: integrate
            inputs:
              clicks: identity
              users: all
          daily:
            layer: action
            inputs:
              sessions: identity
            formats: [csv, jsonl]
          rolling:
            layer: action
            inputs:
              sessions: { window: 3 }
        """;

    public const string SessionsSql = """
        SELECT CAST(c.ts AS DATE) AS event_date, c.id, c.user_id, u.tier
        FROM clicks c LEFT JOIN users u ON u.user_id = c.user_id
        """;

    public const string DailySql = "SELECT event_date, count(*) AS clicks, count(tier) AS known FROM sessions GROUP BY event_date";

    public const string RollingSql = "SELECT max(event_date) AS as_of, count(*) AS clicks_3d FROM sessions";

    public static (string Path, string Text)[] Files(string? sessions = null, string? daily = null, string? rolling = null) =>
    [
        ("sql/sessions.sql", sessions ?? SessionsSql),
        ("sql/daily.sql", daily ?? DailySql),
        ("sql/rolling.sql", rolling ?? RollingSql),
    ];

    /// <summary>Clicks CSV: <paramref name="perDay"/> clicks on each given day of November 2026, ids from <paramref name="firstId"/>.</summary>
    public static string Clicks(int firstId, int perDay, params int[] days)
    {
        var csv = new StringBuilder("id,ts,user_id\n");
        var id = firstId;
        foreach (var day in days)
        {
            for (var i = 0; i < perDay; i++)
            {
                csv.Append(id).Append(",2026-11-").Append(day.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append('T')
                    .Append((i % 24).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(":00:00Z,u").Append(id % 3).Append('\n');
                id++;
            }
        }

        return csv.ToString();
    }

    public const string Users = "user_id,tier\nu0,gold\nu1,silver\n";
}
