using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Planning;

namespace Strata.Modes;

/// <summary>
/// The fragments of the partitions one build activity assembles, chosen as
/// <see cref="EffectiveFragments"/> chooses them for a plan, but read once for them all: the
/// fragment index in one range read (at the first partition that needs it; a snapshot source
/// reads none), each raw blob's header once, the source's supersession state once. A partition
/// built alone reads the same way, over a range of one partition.
/// </summary>
internal sealed class FragmentSelection
{
    private readonly SourceDefinition _source;
    private readonly string _specKey;
    private readonly FragmentStore _fragments;
    private readonly IReadOnlyCollection<string> _partitions;
    private readonly EffectiveFragments _effective;
    private Task<IReadOnlyDictionary<string, List<FragmentRef>>>? _index;

    public FragmentSelection(SourceDefinition source, string specHash, FragmentStore fragments, SupersessionStore supersession, IReadOnlyCollection<string> partitions)
    {
        _source = source;
        _specKey = LoadSpec.Key(specHash);
        _fragments = fragments;
        _partitions = partitions;
        Headers = new HeaderCache(fragments, source.Name, _specKey);
        _effective = new EffectiveFragments(source, specHash, fragments, Headers, Supersession.Stored(source, _specKey, supersession));
    }

    /// <summary>The raw blobs' headers read so far (what a build also needs of them: the columns their fragments were written with).</summary>
    public HeaderCache Headers { get; }

    /// <summary>The fragments <paramref name="partition"/> (one of those given) is built from now, in landing order, and its fingerprint.</summary>
    public Task<(IReadOnlyList<FragmentRef> Fragments, string Fingerprint)> OfAsync(string partition, CancellationToken ct) =>
        _effective.OfAsync(partition, async () =>
        {
            _index ??= _fragments.ForPartitionsAsync(_source.Name, _specKey, _partitions, ct);
            return (await _index).TryGetValue(partition, out var list) ? list : [];
        }, ct);
}
