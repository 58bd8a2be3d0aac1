using System.Text;
using Strata.Lineage;

namespace Strata.Cli.Output;

/// <summary>Prints lineage as indented trees: upstream to the raw blobs, downstream to the products.</summary>
internal static class LineagePrinter
{
    public static string Format(LineageReport report)
    {
        var text = new StringBuilder();
        var id = TerminalText.Escape($"{report.Dataset}/{report.Partition}");
        text.Append($"upstream of {id}:\n");
        Tree(text, report.Upstream, 1, []);
        text.Append($"\ndownstream of {id}:\n");
        Tree(text, report.Downstream, 1, []);
        var raw = report.Upstream.RawBlobs().ToList();
        text.Append($"\nraw blobs feeding it ({raw.Count}):\n");
        foreach (var blob in raw)
        {
            text.Append($"  {TerminalText.Escape(blob)}\n");
        }

        return text.ToString();
    }

    public static string Format(LineageNode fromRaw)
    {
        var text = new StringBuilder();
        text.Append($"partitions reached from {TerminalText.Escape(fromRaw.Path ?? fromRaw.Partition)}:\n");
        Tree(text, fromRaw, 1, []);
        return text.ToString();
    }

    private static void Tree(StringBuilder text, LineageNode node, int depth, HashSet<string> printed)
    {
        var id = $"{node.Dataset}/{node.Partition}";
        var label = node.Layer == "raw" ? $"raw  {node.Path ?? node.Partition}" : $"{node.Layer,-9} {id} ({node.Rows} rows)";
        text.Append(new string(' ', depth * 2)).Append(TerminalText.Escape(label));
        if (node.Note is not null)
        {
            text.Append($"  [{TerminalText.Escape(node.Note)}]");
        }

        if (!printed.Add(id) && node.Links.Count > 0)
        {
            text.Append("  (see above)\n");
            return;
        }

        text.Append('\n');
        foreach (var link in node.Links)
        {
            Tree(text, link, depth + 1, printed);
        }
    }
}
