using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Land;
using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// Plans the load layer of one source in two steps. <see cref="PlanParseAsync"/>: which raw blobs
/// landed since the source last completed (all of them when its load spec changed) and which of
/// those have no fragments under the current spec. <see cref="PlanPartitionsAsync"/>, once they
/// are parsed: which partitions those blobs touch, and of those, which have a fingerprint
/// (spec + sorted raw blob hashes) that differs from the committed one. With nothing landed and
/// nothing failed, both steps read a constant number of rows.
/// </summary>
public sealed class LoadPlanner(PipelineCatalog catalog, PartitionStore partitions, FragmentStore fragments, ReceiptStore receipts, LoadSpecs specs)
{
    /// <summary>The key under which a source records its consumed landing sequence.</summary>
    public const string LandingInput = "landing";

    public async Task<ParsePlan> PlanParseAsync(string sourceName, bool force, CancellationToken ct)
    {
        var source = Source(sourceName);
        var spec = specs.HashOf(source);
        var key = LoadSpec.Key(spec);
        var summary = await partitions.GetSummaryAsync(source.Name, ct);
        var specChanged = summary is not null && summary.CodeHash != spec;
        var counter = await receipts.CounterAsync(source.Name, ct);
        var seen = summary is null || specChanged || force ? 0 : summary.SeenOf(LandingInput);

        var newBlobs = seen >= counter
            ? []
            : (await receipts.ListSinceAsync(source.Name, seen, ct)).Select(r => new RawBlobRef(r.Sha256, r.RawPath, r.Sequence, r.IngestDate)).ToList();
        var toParse = new List<RawBlobRef>();
        foreach (var blob in newBlobs)
        {
            if (await fragments.GetHeaderAsync(source.Name, key, blob.Sha256, ct) is null)
            {
                toParse.Add(blob);
            }
        }

        return new ParsePlan(source.Name, spec, key, counter, toParse, newBlobs, specChanged);
    }

    public async Task<DatasetPlan> PlanPartitionsAsync(ParsePlan parse, RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(request);
        var summary = await partitions.GetSummaryAsync(parse.Source, ct);
        var candidates = new CandidateSet();
        var headers = new HeaderCache(fragments, parse.Source, parse.SpecKey);
        var seen = parse.LandingSeen;

        var newReason = request.Force ? StaleReason.Forced : parse.SpecChanged ? StaleReason.LoadSpecChanged : StaleReason.NewData;
        foreach (var blob in parse.NewBlobs)
        {
            if (await headers.GetAsync(blob.Sha256, ct) is null)
            {
                // Its parse failed: do not consume past it, so the next run parses it again.
                seen = Math.Min(seen, blob.Sequence - 1);
                continue;
            }

            foreach (var fragment in await fragments.ForBlobAsync(parse.Source, parse.SpecKey, blob.Sha256, ct))
            {
                candidates.Add(fragment.Partition, newReason, $"raw/{blob.RawPath}");
            }
        }

        if (request.Force || parse.SpecChanged)
        {
            // Partitions no blob falls in under the new spec must still be rebuilt — as empty.
            candidates.AddAll((await partitions.ListHashesAsync(parse.Source, ct)).Select(p => p.Key), newReason, request.Force ? "forced" : "load spec changed");
        }

        foreach (var failure in await partitions.FailuresAsync(parse.Source, ct))
        {
            candidates.Add(failure.Partition, StaleReason.PreviouslyFailed, failure.Error);
        }

        candidates.RemoveWhere(p => !request.InRange(p));
        var lookup = await PartitionLookup.CreateAsync(partitions, fragments, parse, candidates.Count, summary?.Partitions ?? 0, ct);
        var items = new List<PlanItem>();
        var staleCommitted = 0;
        foreach (var partition in candidates.Keys)
        {
            var fingerprint = (await FragmentsOfAsync(await lookup.FragmentsAsync(partition, ct), parse.SpecHash, headers, ct)).Fingerprint;
            var stored = await lookup.StoredAsync(partition, ct);
            if (request.Force || stored?.Fingerprint != fingerprint)
            {
                var (reason, detail) = candidates[partition];
                items.Add(new PlanItem(partition, fingerprint, reason, detail));
                staleCommitted += stored is null ? 0 : 1;
            }
        }

        var upToDate = await UpToDate.CountAsync(partitions, parse.Source, summary, request, staleCommitted, ct);
        return new DatasetPlan(parse.Source, "load", parse.SpecHash, new Dictionary<string, long> { [LandingInput] = seen }, items, candidates.Count, [], UpToDate: upToDate);
    }

    /// <summary>The fragments of a partition from blobs whose parse committed, in landing order, and the fingerprint over them.</summary>
    internal static async Task<(IReadOnlyList<FragmentRef> Fragments, string Fingerprint)> FragmentsOfAsync(
        IReadOnlyList<FragmentRef> all, string specHash, HeaderCache headers, CancellationToken ct)
    {
        var committed = new List<FragmentRef>();
        foreach (var fragment in all)
        {
            if (await headers.GetAsync(fragment.Sha256, ct) is not null)
            {
                committed.Add(fragment);
            }
        }

        committed.Sort((a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : string.CompareOrdinal(a.Sha256, b.Sha256));
        return (committed, LoadSpec.PartitionFingerprint(specHash, committed.Select(f => f.Sha256)));
    }

    private SourceDefinition Source(string name) =>
        catalog.PipelineOf(name)?.FindSource(name) ?? throw new DefinitionException($"no source named '{name}'");
}
