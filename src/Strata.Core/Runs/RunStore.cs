using System.Text.Json;
using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Runs;

/// <summary>
/// Runs in <see cref="StrataTables.Runs"/>: one table partition per pipeline, row key the
/// inverted run number so the newest run comes first in a range query.
/// </summary>
public sealed class RunStore(LakeStorage storage)
{
    private const long Inversion = 9_999_999_999;
    private readonly TableClient _table = storage.Table(StrataTables.Runs);

    public Task SaveAsync(RunRecord run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(run.Pipeline, RowKey(run.Number))
        {
            ["RunId"] = run.RunId,
            ["Number"] = run.Number,
            ["Status"] = run.Status.ToString(),
            ["StartedAt"] = run.StartedAt,
            ["EndedAt"] = run.EndedAt,
            ["Trigger"] = run.Trigger,
            ["Force"] = run.Force,
            ["Summary"] = run.Summary is null ? null : Truncate(JsonSerializer.Serialize(run.Summary, StrataJson.Options)),
            ["Error"] = run.Error is null ? null : Truncate(run.Error),
        };
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// Records a run that never reached its end as failed, with the reason; a run that already ended
    /// (or was never recorded) is left as it is.
    /// </summary>
    public async Task FailAsync(string runId, string error, DateTimeOffset at, CancellationToken ct)
    {
        if (await GetAsync(runId, ct) is { Status: RunStatus.Pending or RunStatus.Running } run)
        {
            await SaveAsync(run with { Status = RunStatus.Failed, EndedAt = at, Error = error }, ct);
        }
    }

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken ct) =>
        RunRecord.TryParseId(runId, out var pipeline, out var number) && await TableRanges.FindAsync(_table, pipeline, RowKey(number), ct) is { } e
            ? ToRecord(e)
            : null;

    /// <summary>The newest runs of a pipeline, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> RecentAsync(string pipeline, int count, CancellationToken ct)
    {
        var runs = new List<RunRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pipeline}"), maxPerPage: count, cancellationToken: ct))
        {
            runs.Add(ToRecord(e));
            if (runs.Count == count)
            {
                break;
            }
        }

        return runs;
    }

    private static string RowKey(long number) => $"r{Inversion - number:D10}";

    // Table Storage caps a string property at 32K UTF-16 characters.
    private static string Truncate(string text) => text.Length <= 32_000 ? text : text[..32_000];

    private static RunRecord ToRecord(TableEntity e)
    {
        RunSummary? summary = null;
        if (e.GetString("Summary") is { } json)
        {
            try
            {
                summary = JsonSerializer.Deserialize<RunSummary>(json, StrataJson.Options);
            }
            catch (JsonException)
            {
                // A summary cut at the size limit is not readable; the run row still is.
            }
        }

        return new RunRecord
        {
            RunId = e.GetString("RunId"),
            Pipeline = e.PartitionKey,
            Number = e.GetInt64("Number") ?? 0,
            Status = Enum.TryParse<RunStatus>(e.GetString("Status"), out var status) ? status : RunStatus.Failed,
            StartedAt = e.GetDateTimeOffset("StartedAt") ?? default,
            EndedAt = e.GetDateTimeOffset("EndedAt"),
            Trigger = e.GetString("Trigger") ?? "cli",
            Force = e.GetBoolean("Force") ?? false,
            Summary = summary,
            Error = e.GetString("Error"),
        };
    }
}
