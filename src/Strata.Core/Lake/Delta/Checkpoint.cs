using System.Text.Json;
using DuckDB.NET.Data;
using Strata.Storage;
using Strata.Transform;

namespace Strata.Lake.Delta;

/// <summary>
/// Classic (V1) checkpoints: <c>&lt;version&gt;.checkpoint.parquet</c>, one row per action of the
/// snapshot (protocol, metaData, every live <c>add</c>, unexpired <c>remove</c> tombstones), each
/// action a struct column named after it, with the protocol's field names and types (maps for
/// <c>partitionValues</c>, <c>tags</c>, <c>configuration</c>; a list for <c>partitionColumns</c>).
/// DuckDB writes and reads them: the actions go through a JSON lines file whose columns are
/// declared here, so the Parquet types are exactly these.
/// </summary>
public static class Checkpoint
{
    private const string AddColumn = "STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags MAP(VARCHAR, VARCHAR))";
    private const string RemoveColumn = "STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN)";
    private const string MetaDataColumn = "STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options MAP(VARCHAR, VARCHAR)), schemaString VARCHAR, partitionColumns VARCHAR[], createdTime BIGINT, configuration MAP(VARCHAR, VARCHAR))";
    private const string ProtocolColumn = "STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER)";
    private const string ProtocolWithFeatures = "STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])";

    /// <summary>
    /// Writes the checkpoint of <paramref name="snapshot"/> and points <c>_last_checkpoint</c> at it;
    /// tombstones removed before <paramref name="keepTombstonesSince"/> (ms since the epoch) have expired and are left out.
    /// </summary>
    public static async Task WriteAsync(DeltaLog log, Snapshot snapshot, long keepTombstonesSince, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(snapshot);
        var actions = snapshot.ToActions(keepTombstonesSince);
        using var temp = new TempFolder("checkpoint");
        var json = temp.File("actions.json");
        await File.WriteAllBytesAsync(json, DeltaAction.ToLines(actions), ct);
        var parquet = temp.File("checkpoint.parquet");
        var protocol = snapshot.Protocol?.ReaderFeatures is null && snapshot.Protocol?.WriterFeatures is null ? ProtocolColumn : ProtocolWithFeatures;
        Execute($$"""
            COPY (SELECT protocol, metaData, add, remove FROM read_json({{SqlEngine.Quote(json)}}, format = 'newline_delimited', columns = {
                'protocol': '{{protocol}}', 'metaData': '{{MetaDataColumn}}', 'add': '{{AddColumn}}', 'remove': '{{RemoveColumn}}'}))
            TO {{SqlEngine.Quote(parquet)}} (FORMAT parquet)
            """);
        await BlobFiles.UploadAsync(log.Container, log.BlobOf(DeltaLog.CheckpointFile(snapshot.Version)), parquet, ct);
        await log.WriteLastCheckpointAsync(new LastCheckpoint
        {
            Version = snapshot.Version,
            Size = actions.Count,
            SizeInBytes = new FileInfo(parquet).Length,
            NumOfAddFiles = snapshot.Files.Count,
        }, ct);
    }

    /// <summary>The actions of the checkpoint of <paramref name="version"/>.</summary>
    public static async Task<IReadOnlyList<DeltaAction>> ReadAsync(DeltaLog log, long version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        using var temp = new TempFolder("checkpoint");
        var local = temp.File("checkpoint.parquet");
        await BlobFiles.DownloadAsync(log.Container, log.BlobOf(DeltaLog.CheckpointFile(version)), local, ct);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT to_json(protocol), to_json(metaData), to_json(add), to_json(remove) FROM read_parquet({SqlEngine.Quote(local)})";
        using var reader = command.ExecuteReader();
        var actions = new List<DeltaAction>();
        while (reader.Read())
        {
            actions.Add(new DeltaAction
            {
                Protocol = Parse<Protocol>(reader, 0),
                MetaData = Parse<Metadata>(reader, 1),
                Add = Parse<AddFile>(reader, 2),
                Remove = Parse<RemoveFile>(reader, 3),
            });
        }

        return actions;
    }

    private static T? Parse<T>(System.Data.Common.DbDataReader reader, int column) where T : class =>
        reader.IsDBNull(column) || reader.GetString(column) == "null" ? null : JsonSerializer.Deserialize<T>(reader.GetString(column), StrataJson.Options);

    private static void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
