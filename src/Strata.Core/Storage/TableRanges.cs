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
