using Strata.Definitions;
using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// The read-only plan of a whole pipeline (<c>strata plan</c>, <c>GET /plan</c>). Each source and
/// dataset is planned exactly as a run would plan it against what is committed now; then what is
/// stale upstream is carried down through the partition mappings as <see cref="StaleReason.UpstreamStale"/>,
/// because those partitions will be re-evaluated once their inputs are rebuilt (and may then be
/// cut off early if the inputs' rows come out the same).
/// </summary>
public sealed class PipelinePlanner(PipelineCatalog catalog, LoadPlanner loads, DatasetPlanner datasets, PartitionStore partitions, Schedules.ScheduleStore schedules)
{
    public async Task<PipelinePlan> PlanAsync(RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = catalog.Get(request.Pipeline);
        var views = new List<DatasetPlanView>();
        var stale = new Dictionary<string, (IReadOnlySet<string> Keys, bool Unknown)>(StringComparer.Ordinal);

        foreach (var source in pipeline.Sources.Where(s => request.Includes(s.Name)))
        {
            var parse = await loads.PlanParseAsync(source.Name, request.Force, ct);
            var plan = await loads.PlanPartitionsAsync(parse, request, ct);
            views.Add(new DatasetPlanView(source.Name, "load", plan.Items, parse.ToParse.Select(b => $"raw/{b.RawPath}").ToList(), plan.UpToDate));
            stale[source.Name] = (plan.Items.Select(i => i.Partition).ToHashSet(StringComparer.Ordinal), parse.ToParse.Count > 0);
        }

        foreach (var dataset in pipeline.Datasets.Where(d => request.Includes(d.Name)))
        {
            var plan = await datasets.PlanAsync(dataset.Name, 0, request, ct);
            var items = plan.Items.ToList();
            var own = items.Select(i => i.Partition).ToHashSet(StringComparer.Ordinal);
            var downstream = (await UpstreamStaleAsync(dataset, stale, own, ct)).Where(i => request.InRange(i.Partition)).ToList();
            items.AddRange(downstream);
            var unknown = dataset.Inputs.Where(i => stale.TryGetValue(i.Name, out var s) && s.Unknown).Select(i => i.Name).ToList();
            var pending = unknown.Count == 0 ? null : $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "has" : "have")} data not parsed yet; the partitions it reaches are re-evaluated once it is";
            var upToDate = plan.UpToDate - await CommittedAsync(dataset.Name, downstream, ct);
            stale[dataset.Name] = (items.Select(i => i.Partition).ToHashSet(StringComparer.Ordinal), unknown.Count > 0);

            // Blocked partitions are listed (reason blocked, detail "blocked by <check> on <input>/<partition>") but are not stale for what reads them: they will not change until released.
            items.AddRange(plan.Blocked ?? []);
            views.Add(new DatasetPlanView(dataset.Name, plan.Layer, items, [], Math.Max(0, upToDate), pending));
        }

        return new PipelinePlan(pipeline.Name, views) { Schedule = await schedules.ViewAsync(pipeline, ct) };
    }

    /// <summary>How many of <paramref name="items"/> are committed: they are re-evaluated, so not up to date. Point reads while few, one key-only range read beyond.</summary>
    private async Task<int> CommittedAsync(string dataset, List<PlanItem> items, CancellationToken ct)
    {
        const int pointReads = 64;
        if (items.Count > pointReads)
        {
            var keys = (await partitions.ListHashesAsync(dataset, ct)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            return items.Count(i => keys.Contains(i.Partition));
        }

        var committed = 0;
        foreach (var item in items)
        {
            committed += await partitions.GetAsync(dataset, item.Partition, ct) is null ? 0 : 1;
        }

        return committed;
    }

    private async Task<List<PlanItem>> UpstreamStaleAsync(DatasetDefinition dataset, Dictionary<string, (IReadOnlySet<string> Keys, bool Unknown)> stale, HashSet<string> own, CancellationToken ct)
    {
        var candidates = new CandidateSet();
        foreach (var input in dataset.Inputs)
        {
            if (!stale.TryGetValue(input.Name, out var upstream) || (upstream.Keys.Count == 0 && !(upstream.Unknown && input.Mapping.Kind == MappingKind.All)))
            {
                // Unparsed data behind an identity or window input is reported as pending, not guessed at.
                continue;
            }

            var keys = new InputResolver(partitions, bulk: true);
            if (input.Mapping.Kind == MappingKind.All)
            {
                // Any change to an all-mapped input re-evaluates every partition: listing them all is exact, not a guess.
                candidates.AddAll(await DatasetPlanner.AllKeysAsync(dataset, keys, ct), StaleReason.UpstreamStale,
                    upstream.Unknown ? $"{input.Name} (all) has data not parsed yet" : $"{input.Name} (all) has stale partitions");
                continue;
            }

            var changes = upstream.Keys.Select(k => new CommitEntry(input.Name, 0, k, "", null, 0, 0)).ToList();
            var mapped = new CandidateSet();
            await DatasetPlanner.AddChangesAsync(dataset, input, changes, mapped, keys, ct);
            var exists = new InputResolver(partitions, bulk: false);
            foreach (var key in mapped.Keys)
            {
                // A window reaches past the data: only partitions that exist or are about to be built count.
                if (input.Mapping.Kind == MappingKind.Window && !upstream.Keys.Contains(key)
                    && !DatasetPlanner.Exists(dataset, key, await exists.SelectAsync(dataset, key, ct)))
                {
                    continue;
                }

                candidates.Add(key, StaleReason.UpstreamStale, mapped[key].Detail.Replace(" changed", " is stale", StringComparison.Ordinal));
            }
        }

        return candidates.Keys.Where(k => !own.Contains(k)).Select(k => new PlanItem(k, "", StaleReason.UpstreamStale, candidates[k].Detail)).ToList();
    }
}
