using System.Text;
using Strata.Quality;

namespace Strata.Cli.Output;

/// <summary>Prints a dataset's checks: results per partition (failures first), holds, waiting partitions, expectation counts.</summary>
internal static class ChecksPrinter
{
    private const int MaxListed = 50;

    public static string Format(DatasetChecks checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var text = new StringBuilder();
        text.Append($"{TerminalText.Escape(checks.Dataset)}: {checks.Checks.Count} check(s), {checks.Held.Count} partition(s) held, {checks.Blocked.Count} waiting for a held input\n");
        foreach (var c in checks.Checks)
        {
            text.Append($"  {TerminalText.Escape(c.Name)} ({c.Kind}, {c.Severity})\n");
        }

        var results = checks.Results.OrderBy(r => r.Passed).ThenBy(r => r.Partition, StringComparer.Ordinal).Take(MaxListed).ToList();
        if (results.Count > 0)
        {
            var table = new TextTable("  partition", "check", "result", "detail");
            foreach (var r in results)
            {
                var result = r.Passed ? "passed" : r.Holds ? "HELD" : r.Acceptance is not null ? $"accepted by {r.Acceptance.By}" : $"failed ({r.Severity.ToString().ToLowerInvariant()})";
                table.Add($"  {r.Partition}", r.Check, result, r.Detail);
            }

            text.Append('\n').Append(table);
        }

        foreach (var e in checks.Expectations.Where(e => e.Counts.Any(c => c.NotMet > 0)).Take(MaxListed))
        {
            text.Append(TerminalText.Escape($"  {e.Partition} expectations: {string.Join(", ", e.Counts.Where(c => c.NotMet > 0).Select(c => $"{c.Name} {c.NotMet} row(s) ({c.Action.ToString().ToLowerInvariant()})"))}")).Append('\n');
        }

        return text.ToString();
    }
}
