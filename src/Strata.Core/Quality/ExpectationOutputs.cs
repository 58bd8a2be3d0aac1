using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Strata.Storage;
using Strata.Transform;

namespace Strata.Quality;

/// <summary>
/// Stores what a partition build's expectations found: the rows quarantined by an expectation
/// as quarantine records (<c>quarantine/&lt;dataset&gt;/expectations/&lt;partition&gt;.jsonl</c>, replaced at
/// every build, so it always holds the rows the committed version left out) and the counts per
/// expectation. Quarantined rows are replayable the way every Strata output is: the partition is
/// rebuilt from its inputs — which still hold every row — when the expectation or an input changes.
/// </summary>
public sealed class ExpectationOutputs(QualityStore store, LakeStorage storage)
{
    /// <summary>The quarantine blob of a partition's expectation rows.</summary>
    public static string QuarantinePath(string dataset, string partition) => $"{QuarantinePrefix(dataset)}{partition}.jsonl";

    /// <summary>The folder of a dataset's expectation quarantine files.</summary>
    public static string QuarantinePrefix(string dataset) => $"{dataset}/expectations/";

    /// <summary>Uploads (or removes) the partition's quarantined rows and saves its counts; does nothing for a dataset without expectations.</summary>
    public async Task RecordAsync(string dataset, string partition, SqlResult result, string? quarantineFile, string runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Expectations.Count == 0)
        {
            return;
        }

        var blob = storage.Container(LakeContainers.Quarantine).GetBlobClient(QuarantinePath(dataset, partition));
        if (quarantineFile is not null && File.Exists(quarantineFile) && new FileInfo(quarantineFile).Length > 0)
        {
            var records = quarantineFile + ".records";
            await ToRecordsAsync(quarantineFile, records, $"{dataset}/{partition}", ct);
            await blob.UploadAsync(records, overwrite: true, ct);
        }
        else
        {
            await blob.DeleteIfExistsAsync(cancellationToken: ct);
        }

        await store.SaveCountsAsync(dataset, partition, result.Expectations, runId, ct);
    }

    /// <summary>DuckDB's rows (reason column first) → quarantine records, the shape load writes: where, line, reason and the row as raw text.</summary>
    private static async Task ToRecordsAsync(string rows, string records, string where, CancellationToken ct)
    {
        using var reader = new StreamReader(rows, Encoding.UTF8);
        await using var writer = new StreamWriter(records, append: false, new UTF8Encoding(false));
        long line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            if (text.Length == 0 || JsonNode.Parse(text) is not JsonObject row)
            {
                continue;
            }

            var reason = row[ExpectationPass.ReasonColumn]?.GetValue<string>() ?? "expectation";
            row.Remove(ExpectationPass.ReasonColumn);
            var record = new JsonObject
            {
                ["rawBlob"] = where,
                ["line"] = ++line,
                ["reason"] = reason,
                ["raw"] = row.ToJsonString(),
            };
            await writer.WriteLineAsync(record.ToJsonString(s_options).AsMemory(), ct);
        }
    }

    private static readonly JsonSerializerOptions s_options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
