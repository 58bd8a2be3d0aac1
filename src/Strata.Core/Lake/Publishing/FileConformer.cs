using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Strata.Lake.Delta;
using Strata.Load;
using Strata.Parquet;
using Strata.Partitions;
using Strata.Storage;
using Strata.Transform;

namespace Strata.Lake.Publishing;

/// <summary>
/// Rewrites a committed partition file at the table's wider types and commits it like a rebuild
/// of that partition (same fingerprint and rows, new file name, output hash recomputed — it
/// changes when values change form, e.g. integers to text, and then downstream rebuilds). Load
/// files are widened the way load widens (<see cref="LoadFileTypes"/>); SQL outputs with DuckDB
/// CASTs, the SQL engine's own conversion.
/// </summary>
public sealed class FileConformer(PartitionStore partitions, LakeStateStore store, LakeStorage storage, IOptions<LoadEngineOptions> load, TimeProvider time)
{
    /// <summary>
    /// The rewritten file, and whether the partition was committed by an earlier run (so this run
    /// writes it only here); null when the partition moved on meanwhile (the caller starts over).
    /// </summary>
    internal async Task<(FileEntry Entry, bool EarlierRun)?> ConformAsync(LakeTable table, FileEntry file, DeltaSchema schema, string runId, long run, CancellationToken ct)
    {
        var previous = await partitions.GetAsync(table.Dataset, file.Partition, ct);
        if (previous?.OutputPath != file.Blob)
        {
            return null;
        }

        var container = storage.Container(table.Container);
        using var temp = new TempFolder("conform");
        var input = temp.File("narrow.parquet");
        var output = temp.File("wide.parquet");
        await BlobFiles.DownloadAsync(container, file.Blob, input, ct);
        // Every column stays, in its place; a column named like the partition key keeps its type (readers take the key from the log).
        var target = DeltaSchema.Of(file.Columns.Columns.Select(c => (c.Name, c.Name == table.PartitionColumn?.Name ? c.Type : schema.TypeOf(c.Name) ?? c.Type)));
        string hash;
        if (table.IsSource)
        {
            hash = (await LoadFileTypes.WidenAsync(input, LoadFileTypes.FromDelta(target, table.ToString()), output, load.Value, ct)).OutputHash;
        }
        else
        {
            Cast(input, target, output);
            await using var stream = File.OpenRead(output);
            hash = await OutputHasher.HashParquetAsync(stream, ct);
        }

        var blob = $"{file.Blob[..^".parquet".Length]}-w{FingerprintOf(schema)}.parquet";
        var (size, columns) = await LakeFiles.DescribeAsync(output, $"{table} partition {file.Partition}", ct);
        var now = time.GetUtcNow();

        // Product copies (CSV, JSON lines) hold the same rows and stay with the partition, so the
        // pending row names none: nothing may delete them when this file is settled.
        await store.RecordAsync(new PendingOutput
        {
            Dataset = table.Dataset,
            Partition = file.Partition,
            Container = table.Container,
            Path = blob,
            Size = size,
            Rows = file.Rows,
            Columns = columns,
            PreviousPath = file.Blob,
            Run = run,
            WrittenAt = now,
        }, ct);
        await BlobFiles.UploadAsync(container, blob, output, ct);
        var record = previous with { OutputPath = blob, OutputHash = hash, RunId = runId, CommitRun = run, CommittedAt = now, ETag = null };
        if (!await partitions.CommitAsync(record, previous, failure: null, ct))
        {
            await container.DeleteBlobIfExistsAsync(blob, cancellationToken: ct);
            return null;
        }

        return (new FileEntry(file.Partition, blob, size, file.Rows, columns, now), previous.RunId != runId);
    }

    /// <summary>Copies a Parquet file with its columns cast to <paramref name="target"/>'s types, in the same order.</summary>
    private static void Cast(string input, DeltaSchema target, string output)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var columns = string.Join(", ", target.Columns.Select(c => $"CAST({Identifier(c.Name)} AS {c.Type.DuckDbType}) AS {Identifier(c.Name)}"));
        command.CommandText = $"SET TimeZone = 'UTC'; COPY (SELECT {columns} FROM read_parquet({SqlEngine.Quote(input)})) TO {SqlEngine.Quote(output)} (FORMAT parquet, COMPRESSION zstd)";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new LakeException($"a file of this table cannot be rewritten at the table's types ({target}): {e.Message}. Make the SQL produce one type for every partition (CAST in the SELECT).", e);
        }
    }

    private static string FingerprintOf(DeltaSchema schema) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(schema.ToSchemaString())))[..8];

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
