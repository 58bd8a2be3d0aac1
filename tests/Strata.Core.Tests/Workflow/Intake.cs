using System.Globalization;
using System.Text;

namespace Strata.Tests.Workflow;

/// <summary>
/// The pipeline the bad-input workflow tests share: <c>signups</c> (CSV, by day of
/// <c>signed_up</c>, with optional <c>opt_in</c> and <c>coupon</c>), <c>events</c> (JSON lines, by
/// day of <c>at</c>), <c>wide</c> (CSV, by <c>day</c>); <c>members</c> (integrate, identity over
/// signups, naming the optional columns) and <c>members_7d</c> (action, a 7-day window).
/// </summary>
internal static class Intake
{
    public const string Yaml = """
        sources:
          signups:
            landing: intake/signups/
            format: csv
            partition: { column: signed_up, grain: day, key: signup_date }
          events:
            landing: intake/events/
            format: jsonl
            partition: { column: at, grain: day, key: event_date }
          wide:
            landing: intake/wide/
            format: csv
            partition: { column: day, grain: day }
        datasets:
          members:
            layer: integrate
            inputs:
              signups: identity
          members_7d:
            layer: action
            inputs:
              members: { window: 7 }
        """;

    public static readonly (string Path, string Text)[] Files =
    [
        ("sql/members.sql", "SELECT id, CAST(signed_up AS DATE) AS signup_date, opt_in, coupon FROM signups"),
        ("sql/members_7d.sql", "SELECT max(signup_date) AS as_of, count(*) AS members, count(coupon) AS with_coupon FROM members"),
    ];

    /// <summary>A signups CSV with every column: <c>id,signed_up,opt_in,coupon</c>.</summary>
    public static string Signups(params (int Id, string SignedUp, string OptIn, string Coupon)[] rows) =>
        "id,signed_up,opt_in,coupon\n" + string.Concat(rows.Select(r => $"{r.Id},{r.SignedUp},{r.OptIn},{r.Coupon}\n"));

    /// <summary>An events JSON-lines file: one object per id, all at <paramref name="at"/>.</summary>
    public static string Events(string at, params int[] ids) => string.Concat(ids.Select(i => $"{{\"id\":{i},\"at\":\"{at}\"}}\n"));

    /// <summary>
    /// A CSV of <paramref name="columns"/> columns: <c>c00000</c> an id from <paramref name="firstId"/>,
    /// <c>day</c>, then integer columns <c>c00002…</c> (column c holds c + row); <paramref name="rows"/> rows.
    /// </summary>
    public static string Wide(int columns, int rows, int firstId, string day)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => c == 1 ? "day" : $"c{c:D5}")).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => c switch { 0 => (firstId + r).ToString(CultureInfo.InvariantCulture), 1 => day, _ => (c + r).ToString(CultureInfo.InvariantCulture) })).Append('\n');
        }

        return text.ToString();
    }
}
