using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Quality;

/// <summary>
/// Quality records in <see cref="StrataTables.Partitions"/>, next to the partitions they describe
/// (the dataset is the table partition key, so one dataset is one range query):
/// <list type="bullet">
/// <item><c>e|&lt;partition&gt;</c> — expectation counts of the last build;</item>
/// <item><c>q|&lt;partition&gt;|&lt;check&gt;</c> — the last result of a check;</item>
/// <item><c>h|&lt;partition&gt;</c> — present exactly while the partition is held, naming the check;</item>
/// <item><c>b|&lt;partition&gt;</c> — present while a partition waits for a held input (so it is planned again once released);</item>
/// <item><c>~checks</c> — the hash of the check definitions last run.</item>
/// </list>
/// Every row is bounded: at most <see cref="QualityRules.MaxPerKind"/> counts, a few short samples.
/// </summary>
public sealed class QualityStore(LakeStorage storage)
{
    private const string CountsPrefix = "e|";
    private const string ResultPrefix = "q|";
    private const string HoldPrefix = "h|";
    private const string BlockedPrefix = "b|";
    private const string ChecksKey = "~checks";

    private readonly TableClient _table = storage.Table(StrataTables.Partitions);

    /// <summary>Stores the expectation counts of a partition's build (replacing the previous build's).</summary>
    public Task SaveCountsAsync(string dataset, string partition, IReadOnlyList<ExpectationCount> counts, string runId, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(dataset, CountsPrefix + partition)
        {
            ["Counts"] = JsonSerializer.Serialize(counts, StrataJson.Options),
            ["RunId"] = runId,
        }, TableUpdateMode.Replace, ct);

    /// <summary>Expectation counts per partition, in key order.</summary>
    public async IAsyncEnumerable<(string Partition, IReadOnlyList<ExpectationCount> Counts)> CountsAsync(string dataset, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in TableRanges.Prefix(_table, dataset, CountsPrefix, ct: ct))
        {
            yield return (e.RowKey[CountsPrefix.Length..], JsonSerializer.Deserialize<List<ExpectationCount>>(e.GetString("Counts") ?? "[]", StrataJson.Options) ?? []);
        }
    }

    /// <summary>Every stored check result of a dataset (or of one partition), in key order.</summary>
    public async Task<IReadOnlyList<CheckResult>> ResultsAsync(string dataset, string? partition, CancellationToken ct)
    {
        var results = new List<CheckResult>();
        await foreach (var e in TableRanges.Prefix(_table, dataset, partition is null ? ResultPrefix : $"{ResultPrefix}{partition}|", ct: ct))
        {
            results.Add(ToResult(e));
        }

        return results;
    }

    /// <summary>Stores results of one partition, then sets or clears its hold marker from all its results.</summary>
    public async Task SaveResultsAsync(string dataset, string partition, IReadOnlyList<CheckResult> results, CancellationToken ct)
    {
        foreach (var result in results)
        {
            await _table.UpsertEntityAsync(ToEntity(result), TableUpdateMode.Replace, ct);
        }

        await RefreshHoldAsync(dataset, partition, ct);
    }

    /// <summary>Marks the hold of a partition from its stored results: present (naming the first holding check) or absent.</summary>
    public async Task RefreshHoldAsync(string dataset, string partition, CancellationToken ct)
    {
        var holding = (await ResultsAsync(dataset, partition, ct)).FirstOrDefault(r => r.Holds);
        if (holding is null)
        {
            await DeleteAsync(dataset, HoldPrefix + partition, ct);
            return;
        }

        await _table.UpsertEntityAsync(new TableEntity(dataset, HoldPrefix + partition) { ["Check"] = holding.Check, ["Detail"] = holding.Detail }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The held partitions of a dataset with the check holding each: one range read over markers that exist only while held.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HeldAsync(string dataset, CancellationToken ct)
    {
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in TableRanges.Prefix(_table, dataset, HoldPrefix, ["RowKey", "Check"], ct: ct))
        {
            held[e.RowKey[HoldPrefix.Length..]] = e.GetString("Check") ?? "";
        }

        return held;
    }

    /// <summary>Partitions of a dataset recorded as waiting for a held input.</summary>
    public async Task<IReadOnlyList<string>> BlockedAsync(string dataset, CancellationToken ct)
    {
        var blocked = new List<string>();
        await foreach (var e in TableRanges.Prefix(_table, dataset, BlockedPrefix, ["RowKey"], ct: ct))
        {
            blocked.Add(e.RowKey[BlockedPrefix.Length..]);
        }

        return blocked;
    }

    /// <summary>Records that <paramref name="partition"/> waits for a held input, or (detail null) that it no longer does.</summary>
    public Task SetBlockedAsync(string dataset, string partition, string? detail, CancellationToken ct) =>
        detail is null
            ? DeleteAsync(dataset, BlockedPrefix + partition, ct)
            : _table.UpsertEntityAsync(new TableEntity(dataset, BlockedPrefix + partition) { ["Detail"] = detail }, TableUpdateMode.Replace, ct);

    /// <summary>The hash of the check definitions last run over the dataset, or null.</summary>
    public async Task<string?> ChecksHashAsync(string dataset, CancellationToken ct) =>
        (await TableRanges.FindAsync(_table, dataset, ChecksKey, ct))?.GetString("Hash");

    public Task SaveChecksHashAsync(string dataset, string hash, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(dataset, ChecksKey) { ["Hash"] = hash }, TableUpdateMode.Replace, ct);

    /// <summary>Removes results of checks no longer declared, so they neither show nor hold.</summary>
    public async Task RemoveResultAsync(CheckResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        await DeleteAsync(result.Dataset, $"{ResultPrefix}{result.Partition}|{result.Check}", ct);
    }

    /// <summary>Stores one result as it is (an acceptance added), then refreshes the hold.</summary>
    public Task SaveResultAsync(CheckResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        return SaveResultsAsync(result.Dataset, result.Partition, [result], ct);
    }

    private async Task DeleteAsync(string dataset, string rowKey, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(dataset, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    private static TableEntity ToEntity(CheckResult r) => new(r.Dataset, $"{ResultPrefix}{r.Partition}|{r.Check}")
    {
        ["Kind"] = r.Kind,
        ["Severity"] = r.Severity.ToString(),
        ["Passed"] = r.Passed,
        ["Fingerprint"] = r.Fingerprint,
        ["Offending"] = r.Offending,
        ["Detail"] = r.Detail,
        ["Samples"] = JsonSerializer.Serialize(r.Samples),
        ["RunId"] = r.RunId,
        ["CheckedAt"] = r.CheckedAt,
        ["Acceptance"] = r.Acceptance is null ? null : JsonSerializer.Serialize(r.Acceptance, StrataJson.Options),
    };

    private static CheckResult ToResult(TableEntity e)
    {
        var key = e.RowKey[ResultPrefix.Length..];
        var bar = key.LastIndexOf('|');
        return new CheckResult
        {
            Dataset = e.PartitionKey,
            Partition = key[..bar],
            Check = key[(bar + 1)..],
            Kind = e.GetString("Kind") ?? "",
            Severity = Enum.TryParse<CheckSeverity>(e.GetString("Severity"), out var s) ? s : CheckSeverity.Error,
            Passed = e.GetBoolean("Passed") ?? false,
            Fingerprint = e.GetString("Fingerprint") ?? "",
            Offending = e.GetInt64("Offending") ?? 0,
            Detail = e.GetString("Detail") ?? "",
            Samples = JsonSerializer.Deserialize<List<string>>(e.GetString("Samples") ?? "[]") ?? [],
            RunId = e.GetString("RunId") ?? "",
            CheckedAt = e.GetDateTimeOffset("CheckedAt") ?? default,
            Acceptance = e.GetString("Acceptance") is { } a ? JsonSerializer.Deserialize<CheckAcceptance>(a, StrataJson.Options) : null,
        };
    }
}
