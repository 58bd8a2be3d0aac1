using Strata.Definitions;
using Strata.Partitions;

namespace Strata.Fingerprints;

/// <summary>
/// The code of an integrate or action dataset: SQL text, engine version, layer, partition key,
/// inputs with their mappings, product formats and row-level expectations. Its hash is part of every partition's
/// fingerprint; the SQL is also hashed alone so a plan can say "SQL changed" rather than
/// "definition changed".
/// </summary>
public static class DatasetCode
{
    public static string Hash(DatasetDefinition dataset, string engineVersion)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var b = new FingerprintBuilder("dataset-code");
        b.Add("sql", SqlHash(dataset))
            .Add("engine", engineVersion)
            .Add("layer", dataset.Layer.ToString())
            .Add("partition", $"{dataset.Partition.Key}:{dataset.Partition.Grain}:{dataset.Partition.IsUnpartitioned}")
            .AddAll("inputs", dataset.Inputs.Select(i => $"{i.Name}:{i.Mapping}"))
            .AddAll("formats", dataset.Formats.Select(f => f.ToString()));

        // Expectations decide which rows are written; added only when declared, so other datasets keep their fingerprints.
        return (dataset.Quality.ExpectationsHash() is { Length: > 0 } expectations ? b.Add("expectations", expectations) : b).Build();
    }

    /// <summary>Hash of the SQL text with line endings and surrounding whitespace normalised.</summary>
    public static string SqlHash(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var b = new FingerprintBuilder("sql");
        return b.Add("text", dataset.Sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Build();
    }

    /// <summary>A digest of one input's selected partitions: equal digests mean identical inputs.</summary>
    public static string SliceDigest(IEnumerable<InputPart> parts)
    {
        using var b = new FingerprintBuilder("slice");
        return b.AddAll("parts", parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Hash}")).Build();
    }

    /// <summary>A dataset partition's input fingerprint: the code hash and every input slice, in declaration order.</summary>
    public static string PartitionFingerprint(string codeHash, IEnumerable<InputSlice> slices)
    {
        using var b = new FingerprintBuilder("dataset-partition");
        return b.Add("code", codeHash).AddAll("inputs", slices.Select(s => $"{s.Input}:{s.Mapping}:{s.Digest}")).Build();
    }
}
