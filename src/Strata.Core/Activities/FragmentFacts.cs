using System.Runtime.CompilerServices;
using System.Text.Json;
using Strata.Fragments;
using Strata.Lake.Delta;
using Strata.Lake.Publishing;
using Strata.Load.Schema;

namespace Strata.Activities;

/// <summary>
/// What publishing a load partition that is exactly one fragment needs to know of that fragment,
/// so the build can copy the blob in storage without downloading it: the blob's size (on each
/// fragment row) and the Delta columns and load schema in its footer (on the blob's header, when
/// every fragment of the blob has the same ones, which is how the parser writes them). Recorded by
/// the parse from the local fragment files, with the readers a build would use on the download.
/// </summary>
internal static class FragmentFacts
{
    // A build reads each header once (HeaderCache), so its facts are parsed once per header, not per partition.
    private static readonly ConditionalWeakTable<FragmentHeader, Recorded> Parsed = [];

    // A table property holds 32K characters; a schema wider than this is not recorded, and its partitions download.
    private const int MaxChars = 30_000;

    // A profile longer than this stays in the fragment's footer only; a copied partition of it downloads for its profile.
    private const int MaxProfileChars = 16_000;

    /// <summary>
    /// Each file's size and the profile its writer put in its footer (null when none, or too long
    /// for a row), and the columns and schema they share (both null when they do not, or a file's
    /// types cannot go in a table).
    /// </summary>
    public static async Task<(IReadOnlyList<(long Size, string? Profile)> Files, string? Columns, string? Schema)> DescribeAsync(IReadOnlyList<string> files, string where, CancellationToken ct)
    {
        var described = new List<(long, string?)>(files.Count);
        var shared = new HashSet<(string, string)>();
        foreach (var file in files)
        {
            try
            {
                var (size, columns, schema, footer) = await LakeFiles.DescribeLoadFileAsync(file, where, ct);
                var profile = footer.TryGetValue(Quality.Profiles.ProfileAccumulator.FooterKey, out var json) && json.Length <= MaxProfileChars ? json : null;
                described.Add((size, profile));
                shared.Add((columns.ToSchemaString(), JsonSerializer.Serialize(schema, StrataJson.Options)));
            }
            catch (Lake.LakeException)
            {
                // The build downloads this partition and fails it there, with the same message, as before.
                described.Add((new FileInfo(file).Length, null));
                shared.Add(("", ""));
            }
        }

        return shared.Count == 1 && shared.Single() is var (c, s) && c.Length is > 0 and <= MaxChars && s.Length <= MaxChars ? (described, c, s) : (described, null, null);
    }

    /// <summary>The recorded columns and schema of a blob's fragments, or null when the parse recorded none.</summary>
    public static Facts? Of(FragmentHeader header) => Parsed.GetValue(header, h => new Recorded(
        h is { FragmentColumns: { } columns, FragmentSchema: { } schema } && JsonSerializer.Deserialize<SourceSchema>(schema, StrataJson.Options) is { } load
            ? new Facts(DeltaSchema.Parse(columns), load)
            : null)).Value;

    /// <summary>The columns (as the Delta log types them) and the load schema of a blob's fragments.</summary>
    public sealed record Facts(DeltaSchema Columns, SourceSchema Schema);

    private sealed record Recorded(Facts? Value);
}
