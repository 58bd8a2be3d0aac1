using Strata.Definitions;

namespace Strata.Fingerprints;

/// <summary>
/// The load spec of a source: everything that decides what its raw blobs parse into — format,
/// delimiter, partition key, schema hints (with date formats), day/month order, drift policy, PII
/// rules, the PII key's id (never the key), the source mode with its upsert key, sequence and
/// delete marker, the source's row-level expectations (when it has any), and the load engine's version. Its hash is part of every load partition's
/// fingerprint, so changing any of these re-parses that source's raw blobs and nothing else. The
/// mode is hashed only when it is not <see cref="SourceMode.Append"/>, so sources defined before
/// modes existed keep their hash (within one engine version).
/// </summary>
public static class LoadSpec
{
    /// <summary>Bumped when the load engine's output for the same input changes (parsing or typing rules).</summary>
    public const string EngineVersion = "load-2";

    public static string Hash(SourceDefinition source, string piiKeyId)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var b = new FingerprintBuilder("load-spec");
        b.Add("engine", EngineVersion)
            .Add("format", source.Format.ToString())
            .Add("delimiter", source.Delimiter.ToString())
            .Add("partition.key", source.Partition.Key)
            .Add("partition.column", source.Partition.Column)
            .Add("partition.grain", source.Partition.Grain.ToString())
            .Add("partition.ingest", source.Partition.IngestDate.ToString())
            .Add("drift", source.Drift.ToString())
            .AddAll("schema", source.Schema.Select(h => $"{h.Name}:{h.Type?.ToString() ?? "infer"}:{h.Required}{(h.Format is null ? "" : ":" + h.Format)}"))
            .Add("date_order", source.DateOrder.ToString())
            .AddAll("pii", source.Pii.OrderBy(r => r.Column, StringComparer.Ordinal).Select(r => $"{r.Column}:{r.Action}:{r.Normalise}"))
            .Add("pii.key", source.Pii.Any(r => r.Action == PiiAction.Tokenise) ? piiKeyId : null);
        if (source.Mode != SourceMode.Append)
        {
            b.Add("mode", source.Mode.ToString());
        }

        // Expectations decide which rows a load partition keeps; hashed only when declared, so other sources keep their spec.
        if (source.Quality.ExpectationsHash() is { Length: > 0 } expectations)
        {
            b.Add("expectations", expectations);
        }

        if (source.Upsert is { } upsert)
        {
            b.AddAll("upsert.key", upsert.Key)
                .Add("upsert.sequence", upsert.Sequence)
                .Add("upsert.delete", upsert.DeleteColumn)
                .Add("upsert.delete.value", upsert.DeleteColumn is null ? null : upsert.DeleteValue);
        }

        return b.Build();
    }

    /// <summary>The short form used in blob paths and table keys.</summary>
    public static string Key(string specHash) => specHash[..16];

    /// <summary>A load partition's input fingerprint: the spec and the raw blobs whose rows it holds.</summary>
    public static string PartitionFingerprint(string specHash, IEnumerable<string> rawShas)
    {
        using var b = new FingerprintBuilder("load-partition");
        return b.Add("spec", specHash).AddAll("raw", rawShas.Order(StringComparer.Ordinal)).Build();
    }
}
