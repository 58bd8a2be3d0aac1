using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Quality.Quarantine;

/// <summary>
/// Rows and files quarantined per source under its current load spec, for <c>status</c>: one
/// <c>~quarantine</c> row per source in <see cref="StrataTables.Schemas"/> (O(sources) to read,
/// never a scan of the quarantine). Each run adds what it parsed; a new load spec re-parses every
/// blob, so the tally restarts with it; a retried add of the same run is ignored.
/// </summary>
public sealed class QuarantineTally(LakeStorage storage)
{
    private const string Key = "~quarantine";
    private readonly TableClient _table = storage.Table(StrataTables.Schemas);

    /// <summary>Adds a run's counts; returns the totals after it.</summary>
    public async Task<QuarantineTotals> AddAsync(string source, string specKey, string runId, long rows, int files, CancellationToken ct)
    {
        while (true)
        {
            var e = await TableRanges.FindAsync(_table, source, Key, ct);
            var current = e is not null && e.GetString("SpecKey") == specKey ? Read(e) : new QuarantineTotals(0, 0);
            if (e?.GetString("LastRunId") == runId && e.GetString("SpecKey") == specKey)
            {
                return current;
            }

            var next = new QuarantineTotals(current.Rows + rows, current.Files + files);
            var entity = new TableEntity(source, Key)
            {
                ["SpecKey"] = specKey,
                ["Rows"] = next.Rows,
                ["Files"] = next.Files,
                ["LastRunId"] = runId,
            };
            if (await TableRanges.TryReplaceAsync(_table, entity, e?.ETag.ToString(), ct) is not null)
            {
                return next;
            }
        }
    }

    /// <summary>The totals of a source (zero before its first parse).</summary>
    public async Task<QuarantineTotals> GetAsync(string source, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, source, Key, ct) is { } e ? Read(e) : new QuarantineTotals(0, 0);

    private static QuarantineTotals Read(TableEntity e) => new(e.GetInt64("Rows") ?? 0, e.GetInt32("Files") ?? 0);
}

/// <summary>Rows and whole files quarantined under a source's current load spec.</summary>
public sealed record QuarantineTotals(long Rows, int Files);
