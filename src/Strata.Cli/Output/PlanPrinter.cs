using System.Text;
using Strata.Planning;

namespace Strata.Cli.Output;

/// <summary>Prints a plan: every partition that would rebuild, and why; or that nothing is stale.</summary>
internal static class PlanPrinter
{
    // A plan can hold thousands of partitions; past this many per dataset, a count stands in.
    private const int MaxListed = 50;

    public static string Format(PipelinePlan plan)
    {
        var text = new StringBuilder();
        var blocked = plan.Datasets.Sum(d => d.Blocked);
        if (plan.NothingStale)
        {
            text.Append($"{plan.Pipeline}: nothing is stale; a run would build nothing ({plan.Datasets.Sum(d => d.UpToDate)} partition(s) up to date).\n");
            text.Append(SchedulePrinter.Line(plan.Schedule));
            if (blocked == 0)
            {
                return text.ToString();
            }

            text.Append($"{blocked} partition(s) wait for a held input (released by a fix, a replay or `strata checks accept`):\n");
        }
        else
        {
            text.Append($"{plan.Pipeline}: what a run would rebuild, and why\n");
            text.Append(SchedulePrinter.Line(plan.Schedule));
        }

        foreach (var d in plan.Datasets.Where(d => d.Partitions.Count > 0 || d.UnparsedBlobs.Count > 0 || d.Pending is not null))
        {
            var waiting = d.Blocked > 0 ? $", {d.Blocked} blocked" : "";
            text.Append($"\n{d.Layer} {d.Dataset}: {d.Stale} partition(s) stale{waiting}, {d.UpToDate} up to date\n");
            if (d.Pending is not null)
            {
                text.Append($"  pending      {TerminalText.Escape(d.Pending)}\n");
            }

            foreach (var blob in d.UnparsedBlobs.Take(MaxListed))
            {
                text.Append($"  new data     {TerminalText.Escape(blob)} (not parsed yet; the partitions it touches are known once parsed)\n");
            }

            var table = new TextTable("  partition", "reason", "detail");
            foreach (var item in d.Partitions.Take(MaxListed))
            {
                table.Add($"  {item.Partition}", Reason(item.Reason), item.Detail);
            }

            if (d.Partitions.Count > 0)
            {
                text.Append(table);
            }

            if (d.Partitions.Count > MaxListed)
            {
                text.Append($"  ... and {d.Partitions.Count - MaxListed} more (use --json for all)\n");
            }
        }

        return text.ToString();
    }

    public static string Reason(Workflow.Contracts.StaleReason reason) => reason switch
    {
        Workflow.Contracts.StaleReason.NewData => "new data",
        Workflow.Contracts.StaleReason.InputChanged => "input changed",
        Workflow.Contracts.StaleReason.SqlChanged => "SQL changed",
        Workflow.Contracts.StaleReason.DefinitionChanged => "definition changed",
        Workflow.Contracts.StaleReason.LoadSpecChanged => "load spec changed",
        Workflow.Contracts.StaleReason.Forced => "forced",
        Workflow.Contracts.StaleReason.PreviouslyFailed => "previously failed",
        Workflow.Contracts.StaleReason.UpstreamStale => "upstream stale",
        Workflow.Contracts.StaleReason.Blocked => "blocked",
        _ => reason.ToString(),
    };
}
