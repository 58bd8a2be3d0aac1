using Strata.Definitions;
using Strata.Load;
using Strata.Load.Pii;
using Strata.Quality.Profiles;

namespace Strata.Bench.Load;

/// <summary>
/// Our load step, local file to local folder: parse (infer over the whole file, then convert),
/// split by day of entered_at, tokenise email (trim-lower; orders only), write one fragment per
/// day, then assemble each partition into <c>&lt;key&gt;=&lt;day&gt;/part.parquet</c>.
/// </summary>
internal static class OurLoad
{
    public static readonly SourceDefinition Orders = new()
    {
        Name = "orders",
        Pipeline = "bench",
        LandingPrefix = "orders/",
        Partition = new PartitionKeySpec("entry_date", "entered_at", Grain.Day, IngestDate: false),
        Pii = [new PiiRule("email", PiiAction.Tokenise, PiiNormalise.TrimLower)],
    };

    /// <summary>The events Parquet file: no PII rule, as DuckDB's side has none.</summary>
    public static readonly SourceDefinition Events = new()
    {
        Name = "events",
        Pipeline = "bench",
        LandingPrefix = "events/",
        Format = SourceFormat.Parquet,
        Partition = new PartitionKeySpec("event_date", "entered_at", Grain.Day, IngestDate: false),
    };

    public static Task<ParseOutcome> RunAsync(string input, string output, LoadEngineOptions options, ProfileOptions? profiles = null) =>
        RunAsync(Orders, input, output, options, profiles);

    /// <param name="source">The source definition.</param>
    /// <param name="input">The local input file.</param>
    /// <param name="output">The output folder (emptied first).</param>
    /// <param name="options">Load options.</param>
    /// <param name="profiles">Profile each fragment while writing it, as the load activity does when profiles are on; null: not at all.</param>
    public static async Task<ParseOutcome> RunAsync(SourceDefinition source, string input, string output, LoadEngineOptions options, ProfileOptions? profiles = null)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var fragments = Path.Combine(output, "_fragments");
        var sink = new LocalFolderSink(fragments);
        var parser = new RawBlobParser(source, new PiiTokenizer("bench key: not a secret, 32 bytes"u8.ToArray()), options) { Profiles = profiles };
        var outcome = await parser.ParseAsync(new RawBlobInput(input, $"raw/{source.Name}/ingest_date=2026-12-01/" + Path.GetFileName(input), new DateOnly(2026, 12, 1)), sink, CancellationToken.None);
        foreach (var fragment in outcome.Fragments)
        {
            var folder = Path.Combine(output, $"{source.Partition.Key}={fragment.Partition}");
            Directory.CreateDirectory(folder);
            await PartitionAssembler.AssembleAsync([sink.PathOf(fragment.Partition)], [fragment.OutputHash], Path.Combine(folder, "part.parquet"), options, CancellationToken.None);
        }

        Directory.Delete(fragments, recursive: true);
        return outcome;
    }
}
