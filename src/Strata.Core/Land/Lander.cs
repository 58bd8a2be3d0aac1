using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Storage;

namespace Strata.Land;

/// <summary>
/// Land: hash a landing blob (streamed), copy it byte for byte into raw inside the storage account
/// (a server-side copy: the bytes are read once, never uploaded), and record a receipt. The landing
/// blob is deleted only after the raw copy and its receipt are committed (unless
/// <see cref="LandOptions.KeepLandingBlobs"/>), so a crash at any point loses nothing and a
/// retry lands the file once. The ingest date is the landing blob's creation date, so a retry
/// after midnight still names the same raw blob.
/// </summary>
public sealed partial class Lander(
    LakeStorage storage,
    ReceiptStore receipts,
    PipelineCatalog catalog,
    IOptions<LandOptions> options,
    TimeProvider time,
    ILogger<Lander> log)
{
    private readonly BlobContainerClient _landing = storage.Container(LakeContainers.Landing);
    private readonly BlobContainerClient _raw = storage.Container(LakeContainers.Raw);

    /// <summary>Lands every blob currently in landing that belongs to <paramref name="pipeline"/> (all pipelines when null).</summary>
    public async Task<IReadOnlyList<LandResult>> SweepAsync(string? pipeline, CancellationToken ct)
    {
        var results = new List<LandResult>();
        var prefixes = catalog.Pipelines
            .Where(p => pipeline is null || p.Name == pipeline)
            .SelectMany(p => p.Sources.Select(s => s.LandingPrefix))
            .ToList();

        // Without a pipeline filter, list everything so unowned blobs are reported too.
        IEnumerable<string> listings = pipeline is null ? [""] : prefixes;
        foreach (var prefix in listings)
        {
            await foreach (var item in _landing.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix, ct))
            {
                results.Add(await LandAsync(item.Name, ct));
            }
        }

        return results;
    }

    /// <summary>
    /// Lands one blob of the landing container. The name is first normalised as storage resolves
    /// it (<see cref="LandingName"/>), so the source that owns it is the one whose prefix holds the
    /// blob actually read; a name that cannot be landed is rejected with its reason.
    /// </summary>
    public async Task<LandResult> LandAsync(string givenName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(givenName);
        if (!LandingName.TryNormalise(givenName, out var landingName, out var problem))
        {
            LogRejected(givenName, problem!);
            return new LandResult(givenName, LandOutcome.Rejected, null, null, null, null, 0, problem);
        }

        if (catalog.OwnerOf(landingName) is not { } source)
        {
            await receipts.RecordUnownedAsync(landingName, time.GetUtcNow(), ct);
            LogUnowned(landingName);
            return new LandResult(landingName, LandOutcome.Unowned, null, null, null, null, 0);
        }

        var blob = _landing.GetBlobClient(landingName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new LandResult(landingName, LandOutcome.Missing, source.Pipeline, source.Name, null, null, 0);
        }

        var etag = properties.ETag.ToString();
        if (options.Value.KeepLandingBlobs && await receipts.LandedETagAsync(source.Name, landingName, ct) == etag)
        {
            return new LandResult(landingName, LandOutcome.AlreadyLanded, source.Pipeline, source.Name, null, null, properties.ContentLength);
        }

        try
        {
            var (sha, size) = await HashAsync(blob, properties.ETag, ct);
            var ingestDate = DateOnly.FromDateTime(properties.CreatedOn.UtcDateTime);
            var rawPath = RawBlobName.For(source.Name, ingestDate, sha, landingName);

            var existing = await receipts.GetAsync(source.Name, sha, ct);
            if (existing is null)
            {
                await CopyToRawAsync(blob, properties.ETag, rawPath, source, landingName, ct);
            }

            var (receipt, isNew) = existing is null
                ? await receipts.RecordAsync(new LandingReceipt(source.Name, sha, rawPath, landingName, size, ingestDate, time.GetUtcNow(), 0), ct)
                : (existing, false);

            await ReleaseLandingBlobAsync(blob, properties.ETag, source.Name, landingName, sha, ct);
            if (isNew)
            {
                LogLanded(landingName, source.Name, receipt.RawPath, size);
            }
            else
            {
                LogDuplicate(landingName, source.Name, receipt.RawPath);
            }

            return new LandResult(landingName, isNew ? LandOutcome.Landed : LandOutcome.Duplicate, source.Pipeline, source.Name, sha, receipt.RawPath, size);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // The landing blob was replaced or removed while we read it; its new version lands on its own event.
            return new LandResult(landingName, LandOutcome.Missing, source.Pipeline, source.Name, null, null, 0);
        }
    }

    /// <summary>SHA-256 of the landing blob's bytes, streamed: nothing is written locally.</summary>
    private static async Task<(string Sha, long Size)> HashAsync(BlobClient blob, ETag etag, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var options = new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = etag }, BufferSize = 4 << 20 };
        await using var source = await blob.OpenReadAsync(options, ct);
        var buffer = new byte[1 << 20];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            size += read;
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    /// <summary>
    /// Copies the landing blob into raw inside the storage account (the bytes never leave it):
    /// only the version that was hashed (the source must still match its ETag) and never over an
    /// existing raw blob. Raw and landing are containers of one account, so the copy needs no
    /// credential beyond the lake's own and completes at once.
    /// </summary>
    private async Task CopyToRawAsync(BlobClient landing, ETag etag, string rawPath, SourceDefinition source, string landingName, CancellationToken ct)
    {
        var options = new BlobCopyFromUriOptions
        {
            // Raw is immutable: never overwrite. The name holds the SHA-256, so an existing blob already has these bytes.
            DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            SourceConditions = new BlobRequestConditions { IfMatch = etag },
            Metadata = new Dictionary<string, string>
            {
                ["source"] = source.Name,
                ["landingname"] = Uri.EscapeDataString(landingName),
            },
        };
        try
        {
            var copy = await _raw.GetBlobClient(rawPath).StartCopyFromUriAsync(landing.Uri, options, ct);
            await copy.WaitForCompletionAsync(ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode is not "SourceConditionNotMet")
        {
            // Landed by an earlier attempt that stopped before its receipt.
        }
    }

    private async Task ReleaseLandingBlobAsync(BlobClient blob, ETag etag, string source, string landingName, string sha, CancellationToken ct)
    {
        if (options.Value.KeepLandingBlobs)
        {
            await receipts.RememberLandingAsync(source, landingName, etag.ToString(), sha, ct);
            return;
        }

        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = etag }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Overwritten with new bytes since we read it: leave the new version for its own landing.
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Landed {LandingName} for {Source} as raw/{RawPath} ({Bytes} bytes)")]
    private partial void LogLanded(string landingName, string source, string rawPath, long bytes);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{LandingName} holds the same bytes as raw/{RawPath} of {Source}; landed once")]
    private partial void LogDuplicate(string landingName, string source, string rawPath);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{LandingName} matches no source's landing prefix; it stays in landing")]
    private partial void LogUnowned(string landingName);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Landing name {LandingName} is rejected: it {Problem}")]
    private partial void LogRejected(string landingName, string problem);
}
