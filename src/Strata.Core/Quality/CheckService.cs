using Strata.Definitions;
using Strata.Partitions;
using Strata.Storage;

namespace Strata.Quality;

/// <summary>
/// Runs a source's or dataset's checks after its step of a run. Which partitions: those the step
/// committed — or every partition when the check definitions changed since they last ran (their
/// hash is stored). Which checks: those whose fingerprint (definition + the partition's output
/// hash) differs from the stored result's; a partition whose checks are all current is not read
/// at all. Results replace the stored ones, results of checks no longer declared are removed, and
/// the partition's hold marker follows.
/// </summary>
public sealed class CheckService(PipelineCatalog catalog, PartitionStore partitions, QualityStore store, CheckRunner runner, LakeStorage storage)
{
    /// <summary>Checks <paramref name="written"/> (null: every partition) of <paramref name="dataset"/>.</summary>
    public async Task<CheckSummary> CheckAsync(string runId, string dataset, IReadOnlyList<string>? written, CancellationToken ct)
    {
        var pipeline = catalog.PipelineOf(dataset);
        var rules = pipeline?.FindSource(dataset)?.Quality ?? pipeline?.FindDataset(dataset)?.Quality ?? QualityRules.Empty;
        var hash = rules.ChecksHash();
        var stored = await store.ChecksHashAsync(dataset, ct);
        if (rules.Checks.Count == 0 && stored is null)
        {
            return CheckSummary.None;
        }

        var all = stored != hash || written is null;
        var keys = all ? (await partitions.ListHashesAsync(dataset, ct)).Select(p => p.Key).ToList() : written!;
        var summary = CheckSummary.None;
        var container = storage.Container(LakeContainers.ForOutput(catalog, dataset));
        foreach (var key in keys)
        {
            if (await partitions.GetAsync(dataset, key, ct) is not { } partition)
            {
                continue;
            }

            summary += await CheckPartitionAsync(runId, pipeline?.Name, partition, rules.Checks, container, ct);
        }

        if (stored != hash)
        {
            await store.SaveChecksHashAsync(dataset, hash, ct);
        }

        return summary with { Held = (await store.HeldAsync(dataset, ct)).Count };
    }

    private async Task<CheckSummary> CheckPartitionAsync(string runId, string? pipeline, PartitionRecord partition, IReadOnlyList<CheckDefinition> checks, Azure.Storage.Blobs.BlobContainerClient container, CancellationToken ct)
    {
        var previous = (await store.ResultsAsync(partition.Dataset, partition.Partition, ct)).ToDictionary(r => r.Check, StringComparer.Ordinal);
        var due = checks.Where(c => previous.GetValueOrDefault(c.Name)?.Fingerprint != CheckRunner.Fingerprint(c, partition.OutputHash)).ToList();
        var gone = previous.Values.Where(r => !checks.Any(c => c.Name == r.Check)).ToList();
        foreach (var result in gone)
        {
            await store.RemoveResultAsync(result, ct);
        }

        if (due.Count == 0)
        {
            if (gone.Count > 0)
            {
                await store.RefreshHoldAsync(partition.Dataset, partition.Partition, ct);
            }

            return CheckSummary.None;
        }

        using var temp = new TempFolder("check");
        var local = temp.File("partition.parquet");
        await BlobFiles.DownloadAsync(container, partition.OutputPath, local, ct);
        var results = await Task.Run(() => runner.Run(partition.Dataset, partition.Partition, local, partition.OutputHash, due, runId), ct);
        await store.SaveResultsAsync(partition.Dataset, partition.Partition, results, ct);
        Telemetry.QualityTelemetry.Checks(pipeline, results);
        return new CheckSummary(results.Count, results.Count(r => !r.Passed && r.Severity == CheckSeverity.Warn), results.Count(r => !r.Passed && r.Severity == CheckSeverity.Error), 0);
    }
}

/// <summary>What a step's checks did: checks run, failures by severity, and partitions of the dataset held after it.</summary>
public sealed record CheckSummary(int Run, int Warnings, int Errors, int Held)
{
    public static CheckSummary None { get; } = new(0, 0, 0, 0);

    public static CheckSummary operator +(CheckSummary a, CheckSummary b) => Add(a, b);

    public static CheckSummary Add(CheckSummary a, CheckSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Run + b.Run, a.Warnings + b.Warnings, a.Errors + b.Errors, a.Held + b.Held);
    }
}
