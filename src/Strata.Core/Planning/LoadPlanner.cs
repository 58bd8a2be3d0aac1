using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Land;
using Strata.Modes;
using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// Plans the load layer of one source in two steps. <see cref="PlanParseAsync"/>: which raw blobs
/// landed since the source last completed (all of them when its load spec changed) and which of
/// those have no fragments under the current spec. <see cref="PlanPartitionsAsync(ParsePlan, RunRequest, bool, CancellationToken)"/>,
/// once they are parsed: which partitions those blobs touch — with a replace or snapshot source,
/// also the partitions of the blobs they supersede — and of those, which have a fingerprint (spec
/// + sorted hashes of the raw blobs in effect, see <see cref="EffectiveFragments"/>) that differs
/// from the committed one. With nothing landed and nothing failed, both steps read a constant
/// number of rows.
/// </summary>
public sealed class LoadPlanner(PipelineCatalog catalog, PartitionStore partitions, FragmentStore fragments, ReceiptStore receipts, LoadSpecs specs, SupersessionStore supersessions)
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

    /// <summary>Plans the partitions the parsed blobs touch, without recording anything (<c>strata plan</c>).</summary>
    public Task<DatasetPlan> PlanPartitionsAsync(ParsePlan parse, RunRequest request, CancellationToken ct) =>
        PlanPartitionsAsync(parse, request, record: false, ct);

    /// <summary>
    /// Plans the partitions the parsed blobs touch. With <paramref name="record"/> (a run), which
    /// blobs a replace or snapshot source's new files supersede is stored first, so the builds that
    /// follow see it; a plan without it computes the same and stores nothing.
    /// </summary>
    public async Task<DatasetPlan> PlanPartitionsAsync(ParsePlan parse, RunRequest request, bool record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(request);
        var source = Source(parse.Source);
        var summary = await partitions.GetSummaryAsync(parse.Source, ct);
        var candidates = new CandidateSet();
        var headers = new HeaderCache(fragments, parse.Source, parse.SpecKey);
        var supersession = await Supersession.ResolveAsync(source, parse, headers, supersessions, receipts, record, ct);
        var preview = new CandidateSet();
        var seen = parse.LandingSeen;

        var newReason = request.Force ? StaleReason.Forced : parse.SpecChanged ? StaleReason.LoadSpecChanged : StaleReason.NewData;
        foreach (var blob in parse.NewBlobs)
        {
            if (await headers.GetAsync(blob.Sha256, ct) is null)
            {
                // Its parse failed: do not consume past it, so the next run parses it again.
                seen = Math.Min(seen, blob.Sequence - 1);
                if (!record && await supersession.WillSupersedeAsync(blob, ct) is { } replaced)
                {
                    // Not parsed yet, but what it replaces is known: those partitions will be re-evaluated.
                    await AddPartitionsOfAsync(preview, parse, replaced, newReason, $"{Replaced(replaced, supersession.BlobOf(blob))} (not parsed yet)", ct);
                }

                continue;
            }

            foreach (var replaced in await supersession.VacatedByAsync(blob.Sha256, ct))
            {
                await AddPartitionsOfAsync(candidates, parse, replaced, newReason, Replaced(replaced, supersession.BlobOf(blob)), ct);
            }

            await AddPartitionsOfAsync(candidates, parse, supersession.BlobOf(blob), newReason, $"raw/{blob.RawPath}", ct);
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
        var selection = new EffectiveFragments(source, parse.SpecHash, fragments, headers, supersession);
        var items = new List<PlanItem>();
        var absent = 0;
        foreach (var partition in candidates.Keys)
        {
            var (parts, fingerprint) = await selection.OfAsync(partition, () => lookup.FragmentsAsync(partition, ct), ct);
            var stored = await lookup.StoredAsync(partition, ct);
            if (stored is null && parts.Count == 0)
            {
                // Only superseded files ever had rows here, and nothing was committed: there is nothing to build or to empty.
                absent++;
            }
            else if (request.Force || stored?.Fingerprint != fingerprint)
            {
                var (reason, detail) = candidates[partition];
                items.Add(new PlanItem(partition, fingerprint, reason, detail));
            }
        }

        var previews = preview.Keys.Where(p => request.InRange(p) && !candidates.Keys.Contains(p)).Select(p => new PlanItem(p, "", preview[p].Reason, preview[p].Detail)).ToList();
        items.AddRange(previews);
        return new DatasetPlan(parse.Source, "load", parse.SpecHash, new Dictionary<string, long> { [LandingInput] = seen }, items, candidates.Count - absent + previews.Count, []);
    }

    private async Task AddPartitionsOfAsync(CandidateSet candidates, ParsePlan parse, ModeBlob blob, StaleReason reason, string detail, CancellationToken ct)
    {
        foreach (var fragment in await fragments.ForBlobAsync(parse.Source, parse.SpecKey, blob.Sha256, ct))
        {
            candidates.Add(fragment.Partition, reason, detail);
        }
    }

    private static string Replaced(ModeBlob old, ModeBlob by) => $"raw/{old.RawPath} replaced by {by.LandingName}";

    private SourceDefinition Source(string name) =>
        catalog.PipelineOf(name)?.FindSource(name) ?? throw new DefinitionException($"no source named '{name}'");
}
