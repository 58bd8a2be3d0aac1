using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Planning;

namespace Strata.Modes;

/// <summary>
/// The fragments a load partition is built from, in landing order, and its fingerprint (the load
/// spec and their raw blobs' SHA-256s), by source mode: append and upsert take every fragment of a
/// blob whose parse committed; replace leaves out superseded blobs; snapshot takes only the blob in
/// effect (one point read, however many snapshots came before). Plans and builds both ask here, so
/// a build commits exactly the fingerprint its plan computed.
/// </summary>
internal sealed class EffectiveFragments(SourceDefinition source, string specHash, FragmentStore fragments, HeaderCache headers, Supersession supersession)
{
    private readonly string _specKey = LoadSpec.Key(specHash);

    /// <param name="partition">The partition.</param>
    /// <param name="all">Every fragment stored for it under this spec (not read for a snapshot).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<(IReadOnlyList<FragmentRef> Fragments, string Fingerprint)> OfAsync(string partition, Func<Task<IReadOnlyList<FragmentRef>>> all, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(all);
        var chosen = new List<FragmentRef>();
        if (source.Mode == SourceMode.Snapshot)
        {
            // A blob takes effect only once its parse committed, so its fragment rows are complete.
            if (await supersession.InEffectAsync(Supersession.WholeSource, ct) is { } current
                && await fragments.FindAsync(source.Name, _specKey, partition, current.Sha256, ct) is { } fragment)
            {
                chosen.Add(fragment);
            }
        }
        else
        {
            foreach (var fragment in await all())
            {
                if (await headers.GetAsync(fragment.Sha256, ct) is not null && !await supersession.IsSupersededAsync(fragment.Sha256, ct))
                {
                    chosen.Add(fragment);
                }
            }
        }

        chosen.Sort((a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : string.CompareOrdinal(a.Sha256, b.Sha256));
        return (chosen, LoadSpec.PartitionFingerprint(specHash, chosen.Select(f => f.Sha256)));
    }
}
