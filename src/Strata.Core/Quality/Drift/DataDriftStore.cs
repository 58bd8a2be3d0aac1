using System.Globalization;
using Azure.Data.Tables;
using Strata.Runs;
using Strata.Storage;

namespace Strata.Quality.Drift;

/// <summary>
/// Semantic drift events, next to schema versions in <see cref="StrataTables.Schemas"/>: one
/// <c>drift|&lt;inverted run number&gt;|&lt;n&gt;</c> row per event, so a range read returns the newest
/// first and <c>status</c> reads a handful. A retried assessment writes the same keys, so nothing
/// is recorded twice; a run records at most <see cref="BoundedText.ListItems"/> events per dataset.
/// </summary>
public sealed class DataDriftStore(LakeStorage storage)
{
    private const string Prefix = "drift|";
    private readonly TableClient _table = storage.Table(StrataTables.Schemas);

    public async Task SaveAsync(string dataset, string runId, IReadOnlyList<DataDriftEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var inverted = long.MaxValue - (RunRecord.TryParseId(runId, out _, out var number) ? number : 0);
        var actions = events.Take(BoundedText.ListItems).Select((e, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(dataset, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{inverted:D19}|{i:D4}"))
        {
            ["Partition"] = e.Partition,
            ["Kind"] = e.Kind.ToString(),
            ["Column"] = e.Column is null ? null : BoundedText.Name(e.Column),
            ["Expected"] = BoundedText.Message(e.Expected),
            ["Seen"] = BoundedText.Message(e.Seen),
            ["Severity"] = e.Severity.ToString(),
            ["RunId"] = e.RunId,
            ["FoundAt"] = e.FoundAt,
        }));
        await TableRanges.SubmitInBatchesAsync(_table, actions, ct);
    }

    /// <summary>The newest events of a dataset, newest run first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DataDriftEvent>> RecentAsync(string dataset, int limit, CancellationToken ct)
    {
        var list = new List<DataDriftEvent>();
        await foreach (var e in TableRanges.Prefix(_table, dataset, Prefix, pageSize: Math.Min(1000, Math.Max(1, limit)), ct: ct))
        {
            list.Add(new DataDriftEvent(
                dataset,
                e.GetString("Partition") ?? "",
                Enum.TryParse<DataDriftKind>(e.GetString("Kind"), out var kind) ? kind : DataDriftKind.Volume,
                e.GetString("Column"),
                e.GetString("Expected") ?? "",
                e.GetString("Seen") ?? "",
                Enum.TryParse<DataDriftSeverity>(e.GetString("Severity"), out var severity) ? severity : DataDriftSeverity.Warn)
            {
                RunId = e.GetString("RunId") ?? "",
                FoundAt = e.GetDateTimeOffset("FoundAt") ?? default,
            });
            if (list.Count == limit)
            {
                break;
            }
        }

        return list;
    }
}
