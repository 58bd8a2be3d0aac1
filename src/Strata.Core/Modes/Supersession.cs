using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Land;
using Strata.Planning;
using Strata.Workflow.Contracts;

namespace Strata.Modes;

/// <summary>
/// Which raw blobs count for one source under one load spec, as a plan or a build sees it.
/// <list type="bullet">
/// <item>replace: per landing name, the blob landed last is in effect and every earlier one with
/// that name is superseded;</item>
/// <item>snapshot: the same, with the whole source as one group;</item>
/// <item>append and upsert: nothing is superseded, and asking costs no read.</item>
/// </list>
/// Only a blob whose parse committed without a file error takes effect: a file that could not be
/// read at all replaces nothing (it is quarantined as a file, and the rows it was meant to replace
/// stay). "Landed last" is the landing sequence, never the parse order, so the outcome does not
/// depend on timing; a blob parsed late behind one landed after it is superseded at once.
/// </summary>
internal sealed class Supersession
{
    /// <summary>The one group of a snapshot source.</summary>
    public const string WholeSource = "*";

    // Concurrent plans of one source are rare (runs of a pipeline do not overlap); a few retries settle one.
    private const int MaxAttempts = 5;

    private readonly SourceDefinition _source;
    private readonly string _specKey;
    private readonly SupersessionStore _store;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly Dictionary<string, BlobInEffect?> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BlobInEffect> _moved = new(StringComparer.Ordinal);
    private readonly List<Supersede> _changes = [];
    private readonly HashSet<string> _superseded = new(StringComparer.Ordinal);
    private IReadOnlySet<string>? _stored;

    private Supersession(SourceDefinition source, string specKey, SupersessionStore store, IReadOnlyDictionary<string, string> names)
    {
        _source = source;
        _specKey = specKey;
        _store = store;
        _names = names;
    }

    /// <summary>True for the modes in which a later file takes an earlier one's place.</summary>
    public bool Tracks => _source.Mode is SourceMode.Replace or SourceMode.Snapshot;

    /// <summary>The stored state, for a build.</summary>
    public static Supersession Stored(SourceDefinition source, string specKey, SupersessionStore store) =>
        new(source, specKey, store, new Dictionary<string, string>());

    /// <summary>
    /// The state once the plan's new blobs take effect, in landing order. With
    /// <paramref name="record"/> (a run's plan) it is stored before anything is built from it; without
    /// (<c>strata plan</c>) it is only computed, so the plan shows exactly what a run would build.
    /// </summary>
    public static async Task<Supersession> ResolveAsync(
        SourceDefinition source, ParsePlan parse, HeaderCache headers, SupersessionStore store, ReceiptStore receipts, bool record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parse);
        var tracks = source.Mode is SourceMode.Replace or SourceMode.Snapshot;
        var names = tracks && parse.NewBlobs.Count > 0 ? await NamesAsync(receipts, parse, ct) : new Dictionary<string, string>();
        for (var attempt = 1; ; attempt++)
        {
            var state = new Supersession(source, parse.SpecKey, store, names);
            if (!tracks)
            {
                return state;
            }

            foreach (var blob in parse.NewBlobs.OrderBy(b => b.Sequence))
            {
                if (await headers.GetAsync(blob.Sha256, ct) is { FileError: null })
                {
                    await state.TakeEffectAsync(state.BlobOf(blob), ct);
                }
            }

            if (!record || (state._moved.Count == 0 && state._changes.Count == 0)
                || await store.RecordAsync(source.Name, parse.SpecKey, state._changes, state._moved, ct))
            {
                return state;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"source '{source.Name}': which files are in effect kept changing under another plan of the same source; the next run retries");
            }
        }
    }

    /// <summary>The blob in effect for a group (<see cref="WholeSource"/> for a snapshot), or null before the first.</summary>
    public async Task<ModeBlob?> InEffectAsync(string group, CancellationToken ct) => (await CurrentAsync(group, ct))?.Blob;

    /// <summary>True when a blob's fragments no longer count.</summary>
    public async Task<bool> IsSupersededAsync(string sha, CancellationToken ct)
    {
        if (!Tracks)
        {
            return false;
        }

        _stored ??= await _store.SupersededAsync(_source.Name, _specKey, ct);
        return _superseded.Contains(sha) || _stored.Contains(sha);
    }

    /// <summary>The blobs <paramref name="sha"/> superseded: the partitions they held are re-evaluated with it.</summary>
    public async Task<IReadOnlyList<ModeBlob>> VacatedByAsync(string sha, CancellationToken ct)
    {
        if (!Tracks)
        {
            return [];
        }

        var stored = await _store.SupersededByAsync(_source.Name, _specKey, sha, ct);
        return [.. _changes.Where(c => c.By.Sha256 == sha).Select(c => c.Old).Concat(stored).DistinctBy(b => b.Sha256)];
    }

    /// <summary>For a blob not parsed yet (a plan's preview): the blob in effect it will supersede once parsed, if any.</summary>
    public async Task<ModeBlob?> WillSupersedeAsync(RawBlobRef blob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (!Tracks)
        {
            return null;
        }

        var current = await CurrentAsync(GroupOf(BlobOf(blob).LandingName), ct);
        return current is not null && current.Blob.Sequence < blob.Sequence ? current.Blob : null;
    }

    /// <summary>A new blob of this plan with the name it landed under (its raw path if its receipt was not read: then it replaces nothing).</summary>
    public ModeBlob BlobOf(RawBlobRef blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return new ModeBlob(blob.Sha256, blob.Sequence, blob.RawPath, _names.GetValueOrDefault(blob.Sha256, blob.RawPath));
    }

    private async Task TakeEffectAsync(ModeBlob blob, CancellationToken ct)
    {
        var group = GroupOf(blob.LandingName);
        var current = await CurrentAsync(group, ct);
        if (current is null || current.Blob.Sequence < blob.Sequence)
        {
            if (current is not null)
            {
                Add(new Supersede(current.Blob, blob));
            }

            // The ETag stays the stored row's: the move is conditional on what this plan read.
            var moved = new BlobInEffect(blob, current?.ETag);
            _current[group] = moved;
            _moved[group] = moved;
        }
        else if (current.Blob.Sequence > blob.Sequence)
        {
            Add(new Supersede(blob, current.Blob));
        }
    }

    private void Add(Supersede change)
    {
        _changes.Add(change);
        _superseded.Add(change.Old.Sha256);
    }

    private async Task<BlobInEffect?> CurrentAsync(string group, CancellationToken ct)
    {
        if (!_current.TryGetValue(group, out var current))
        {
            current = await _store.CurrentAsync(_source.Name, _specKey, group, ct);
            _current[group] = current;
        }

        return current;
    }

    // Landing names can hold characters row keys may not, so a replace group is a hash of the name.
    private string GroupOf(string landingName) =>
        _source.Mode == SourceMode.Snapshot ? WholeSource : FingerprintBuilder.ShortHash(landingName, 32);

    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(ReceiptStore receipts, ParsePlan parse, CancellationToken ct)
    {
        var wanted = parse.NewBlobs.Select(b => b.Sha256).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var receipt in await receipts.ListSinceAsync(parse.Source, parse.NewBlobs.Min(b => b.Sequence) - 1, ct))
        {
            if (wanted.Contains(receipt.Sha256))
            {
                names[receipt.Sha256] = receipt.OriginalName;
            }
        }

        return names;
    }
}
