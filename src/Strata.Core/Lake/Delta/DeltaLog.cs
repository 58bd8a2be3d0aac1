using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Strata.Lake.Delta;

/// <summary>
/// The <c>_delta_log/</c> folder of one table: version files named by the version zero-padded to
/// 20 digits, classic checkpoints beside them, and <c>_last_checkpoint</c>. A version is
/// committed by creating its file only if it does not exist (<c>If-None-Match: *</c>), which the
/// blob service makes atomic: of two writers of the same version exactly one succeeds, the other
/// gets a conflict, re-reads and tries the next version. Log files are never overwritten.
/// </summary>
public sealed class DeltaLog
{
    public const string Folder = "_delta_log";
    public const string LastCheckpointFile = "_last_checkpoint";

    private readonly BlobContainerClient _container;

    public DeltaLog(BlobContainerClient container, string tableRoot)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentException.ThrowIfNullOrEmpty(tableRoot);
        _container = container;
        TableRoot = tableRoot;
    }

    /// <summary>The table's folder inside its container (the dataset name).</summary>
    public string TableRoot { get; }

    public BlobContainerClient Container => _container;

    public static string VersionFile(long version) => $"{version:D20}.json";

    public static string CheckpointFile(long version) => $"{version:D20}.checkpoint.parquet";

    /// <summary>The blob name of a file of the log.</summary>
    public string BlobOf(string file) => $"{TableRoot}/{Folder}/{file}";

    /// <summary>Creates version <paramref name="version"/> with these actions; false when that version already exists.</summary>
    public async Task<bool> TryCommitAsync(long version, IEnumerable<DeltaAction> actions, CancellationToken ct)
    {
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await _container.GetBlobClient(BlobOf(VersionFile(version))).UploadAsync(new BinaryData(DeltaAction.ToLines(actions)), options, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>The actions of one version, or null when it does not exist.</summary>
    public async Task<IReadOnlyList<DeltaAction>?> ReadVersionAsync(long version, CancellationToken ct)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobOf(VersionFile(version))).DownloadContentAsync(ct);
            return DeltaAction.FromLines(content.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every version number and every checkpoint version in the log (one listing), ascending.</summary>
    public async Task<(IReadOnlyList<long> Versions, IReadOnlyList<long> Checkpoints)> ListAsync(CancellationToken ct)
    {
        var versions = new List<long>();
        var checkpoints = new List<long>();
        var prefix = BlobOf("");
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
        {
            var name = blob.Name[prefix.Length..];
            if (name.Length < 20 || !long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                continue;
            }

            if (name.EndsWith(".json", StringComparison.Ordinal) && name.Length == 25)
            {
                versions.Add(version);
            }
            else if (name == CheckpointFile(version))
            {
                checkpoints.Add(version);
            }
        }

        versions.Sort();
        checkpoints.Sort();
        return (versions, checkpoints);
    }

    /// <summary>The newest version, or -1 for a table with no log yet.</summary>
    public async Task<long> LatestVersionAsync(CancellationToken ct)
    {
        var (versions, _) = await ListAsync(ct);
        return versions.Count == 0 ? -1 : versions[^1];
    }

    public async Task<LastCheckpoint?> ReadLastCheckpointAsync(CancellationToken ct)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobOf(LastCheckpointFile)).DownloadContentAsync(ct);
            return JsonSerializer.Deserialize<LastCheckpoint>(content.Value.Content.ToString(), StrataJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Points <c>_last_checkpoint</c> at a checkpoint already written (the one file of the log that is overwritten).</summary>
    public Task WriteLastCheckpointAsync(LastCheckpoint checkpoint, CancellationToken ct) =>
        _container.GetBlobClient(BlobOf(LastCheckpointFile)).UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(checkpoint, StrataJson.Options)), overwrite: true, ct);
}
