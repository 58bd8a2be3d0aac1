using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Planning;
using Strata.Storage;

namespace Strata.Status;

/// <summary>
/// Reads quarantine records of a pipeline's sources under their current load specs, then the rows
/// its sources' and datasets' expectations quarantined, in a stable order (source or dataset, file, line), a page at a time. The page token is the number of records already
/// returned; records of a fixed spec never move, so a token stays valid while new files land.
/// </summary>
public sealed class QuarantineReader(PipelineCatalog catalog, LakeStorage storage, LoadSpecs specs)
{
    public async Task<QuarantinePage> ReadAsync(string pipelineName, string? token, int limit, CancellationToken ct)
    {
        var pipeline = catalog.Get(pipelineName);
        var skip = token is null ? 0 : long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException("the page token is not one this API returned");
        var records = new List<QuarantineRecord>();
        var container = storage.Container(LakeContainers.Quarantine);
        long position = 0;
        // Load's quarantine under each source's current spec, then rows that expectations quarantined (by dataset, then partition).
        var prefixes = pipeline.Sources.Select(s => (s.Name, Prefix: Fragments.FragmentPaths.QuarantinePrefix(s.Name, LoadSpec.Key(specs.HashOf(s)))))
            .Concat(pipeline.Sources.Select(s => (s.Name, s.Quality)).Concat(pipeline.Datasets.Select(d => (d.Name, d.Quality)))
                .Where(d => d.Quality.Expectations.Any(e => e.Action == Quality.ExpectationAction.Quarantine))
                .Select(d => (d.Name, Prefix: Quality.ExpectationOutputs.QuarantinePrefix(d.Name))));
        foreach (var source in prefixes)
        {
            var prefix = source.Prefix;
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            {
                var download = await container.GetBlobClient(blob.Name).DownloadStreamingAsync(cancellationToken: ct);
                using var reader = new StreamReader(download.Value.Content);
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    if (line.Length == 0 || position++ < skip)
                    {
                        continue;
                    }

                    records.Add(Parse(source.Name, line));
                    if (records.Count == limit)
                    {
                        return new QuarantinePage(pipeline.Name, records, (skip + records.Count).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        return new QuarantinePage(pipeline.Name, records, null);
    }

    private static QuarantineRecord Parse(string source, string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        return new QuarantineRecord(
            source,
            root.TryGetProperty("rawBlob", out var blob) ? blob.GetString() ?? "" : "",
            root.TryGetProperty("line", out var number) && number.TryGetInt64(out var l) ? l : 0,
            root.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "",
            root.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String ? raw.GetString() : null);
    }
}
