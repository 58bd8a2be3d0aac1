using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Partitions;

/// <summary>
/// The exact inputs of one partition build: for a load partition, the raw blobs (by SHA-256)
/// whose fragments it holds; for a dataset partition, per input the partitions the mapping
/// selected with their output hashes. Stored with the partition row (compressed when large) so
/// lineage is exact at partition grain and a stale partition can say which input moved.
/// </summary>
public sealed record PartitionInputs(IReadOnlyList<InputSlice> Slices)
{
    // Table Storage caps a binary property at 64 KiB; beyond this a slice keeps only its digest.
    private const int MaxStoredBytes = 60_000;

    public static PartitionInputs Empty { get; } = new([]);

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Serialises to gzip-compressed JSON; slices too large to keep are reduced to their digest and count.</summary>
    public byte[] ToBytes()
    {
        var bytes = Compress(JsonSerializer.SerializeToUtf8Bytes(this, Json));
        if (bytes.Length <= MaxStoredBytes)
        {
            return bytes;
        }

        var reduced = new PartitionInputs(Slices.Select(s => s with { Parts = null }).ToList());
        return Compress(JsonSerializer.SerializeToUtf8Bytes(reduced, Json));
    }

    public static PartitionInputs FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return Empty;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<PartitionInputs>(gzip, Json) ?? Empty;
    }

    private static byte[] Compress(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    public override string ToString() => string.Join("; ", Slices.Select(s => s.ToString()));
}

/// <summary>
/// What one input contributed: its name, mapping, a digest over every selected part, the part
/// count, and (unless too many to store) the parts themselves.
/// </summary>
/// <param name="Input">Input name; <c>raw</c> for a load partition's raw blobs.</param>
/// <param name="Mapping">identity, all, window(n), or raw.</param>
/// <param name="Digest">Hash over the sorted (key, hash) pairs; equal digests mean equal inputs.</param>
/// <param name="Count">How many parts were selected.</param>
/// <param name="Parts">The selected parts; null when the list was too large to store.</param>
public sealed record InputSlice(string Input, string Mapping, string Digest, int Count, IReadOnlyList<InputPart>? Parts)
{
    public override string ToString() => $"{Input} {Mapping}: {Count} part(s)";
}

/// <summary>One selected input part: a partition key and its output hash, or a raw blob SHA-256 and its path.</summary>
public sealed record InputPart(string Key, string Hash);
