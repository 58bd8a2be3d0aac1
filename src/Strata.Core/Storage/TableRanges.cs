using Azure;
using Azure.Data.Tables;

namespace Strata.Storage;

/// <summary>
/// Range queries over row-key prefixes. Every key layout in Strata is designed so one question
/// ("the partitions of a dataset", "commits since run N") is one range within one table partition.
/// </summary>
public static class TableRanges
{
    /// <summary>Entities of <paramref name="partitionKey"/> whose row key starts with <paramref name="prefix"/>.</summary>
    public static AsyncPageable<TableEntity> Prefix(TableClient table, string partitionKey, string prefix, IEnumerable<string>? select = null, int pageSize = 1000, CancellationToken ct = default) =>
        Between(table, partitionKey, prefix, PrefixEnd(prefix), select, pageSize, ct);

    /// <summary>Entities with <paramref name="fromInclusive"/> ≤ row key &lt; <paramref name="toExclusive"/>.</summary>
    public static AsyncPageable<TableEntity> Between(TableClient table, string partitionKey, string fromInclusive, string toExclusive, IEnumerable<string>? select = null, int pageSize = 1000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {fromInclusive} and RowKey lt {toExclusive}");
        return table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: select, cancellationToken: ct);
    }

    /// <summary>The first string after every string that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    public static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Writes <paramref name="entity"/> only if its row is still the version that was read: added when
    /// <paramref name="etag"/> is null (there was none), else replaced if the row's ETag still matches.
    /// Returns the row's new ETag, or null when another writer changed it first (the caller reads again).
    /// </summary>
    public static async Task<string?> TryReplaceAsync(TableClient table, TableEntity entity, string? etag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, ct)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"the table service answered a write of {entity?.RowKey} without an ETag");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Submits entity-group transactions of at most 100 actions (the service limit), all in one table partition.</summary>
    public static async Task SubmitInBatchesAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var chunk in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, ct);
        }
    }
}
