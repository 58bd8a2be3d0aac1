using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Load;
using Strata.Load.Pii;
using Strata.Quality.Profiles;
using Strata.Testing;
using Strata.Tests.Load;

namespace Strata.Tests.Quality.Profiles;

/// <summary>
/// The profile gathered while load writes equals what DuckDB finds in the written file (the
/// profile made by reading it back): rows, nulls, min, max and value counts exactly, the distinct
/// estimate within three of the sketch's standard errors of DuckDB's exact count — for every load
/// column type, with nulls, for a partition copied from one fragment and one merged from two.
/// </summary>
public sealed class WrittenProfileTests : IDisposable
{
    private static readonly string[] Statuses = ["new", "paid", "shipped", "returned", "lost"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strata-profile-tests", Guid.NewGuid().ToString("N"));

    public WrittenProfileTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task SingleFragmentPartition_ProfileInItsFooter_EqualsDuckDbsProfileOfTheFile()
    {
        var fragment = await ParseAsync("a.csv", Csv(0, 3_000), new ProfileOptions());

        var file = Path.Combine(_folder, "copied.parquet");
        var assembled = await PartitionAssembler.AssembleAsync([fragment], null, file, CancellationToken.None);

        Assert.True(assembled.Copied);
        AssertMatchesDuckDb(Assert.IsType<WrittenProfile>(assembled.Profile), file);
    }

    [Fact]
    public async Task PartitionMergedFromTwoFragments_ProfileGatheredByTheMerge_EqualsDuckDbsProfileOfTheFile()
    {
        // The second file adds a column the first lacks (nulls in the merge) and has fewer statuses.
        var first = await ParseAsync("a.csv", Csv(0, 2_000), new ProfileOptions());
        var second = await ParseAsync("b.csv", Csv(2_000, 1_500, extra: true), new ProfileOptions());

        var file = Path.Combine(_folder, "merged.parquet");
        var assembled = await PartitionAssembler.AssembleAsync([first, second], null, file, CancellationToken.None);

        Assert.False(assembled.Copied);
        var profile = Assert.IsType<WrittenProfile>(assembled.Profile);
        Assert.Equal(3_500, profile.Rows);
        Assert.Equal(2_000, profile.Columns.Single(c => c.Name == "note").Nulls);
        AssertMatchesDuckDb(profile, file);
    }

    [Fact]
    public async Task ProfilesOff_FragmentCarriesNoProfile_AndNeitherDoesAMergeOfIt()
    {
        var off = await ParseAsync("a.csv", Csv(0, 100), profiles: null);
        var on = await ParseAsync("b.csv", Csv(100, 100), new ProfileOptions());

        var copied = await PartitionAssembler.AssembleAsync([off], null, Path.Combine(_folder, "c.parquet"), CancellationToken.None);
        var merged = await PartitionAssembler.AssembleAsync([on, off], null, Path.Combine(_folder, "m.parquet"), CancellationToken.None);

        Assert.Null(copied.Profile);
        Assert.Null(merged.Profile);
    }

    [Fact]
    public async Task LowCardinalityLimit_TextColumnWithMoreValues_KeepsNoValueCounts_AndMaxColumnsSkipsTheRest()
    {
        var fragment = await ParseAsync("a.csv", Csv(0, 500), new ProfileOptions { LowCardinality = 4, MaxColumns = 3 });

        var file = Path.Combine(_folder, "p.parquet");
        var assembled = await PartitionAssembler.AssembleAsync([fragment], null, file, CancellationToken.None);

        var profile = assembled.Profile!;
        Assert.Equal(3, profile.Columns.Count);
        Assert.Equal(DuckDbReader.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDbReader.Quote(file)})").Count - 3, profile.ColumnsSkipped);
        Assert.DoesNotContain(profile.Columns, c => c.Name == "status");
        var other = await ParseAsync("b.csv", Csv(0, 500), new ProfileOptions { LowCardinality = 4 });
        var status = (await PartitionAssembler.AssembleAsync([other], null, Path.Combine(_folder, "q.parquet"), CancellationToken.None)).Profile!.Columns.Single(c => c.Name == "status");
        Assert.Null(status.Values); // five statuses, over the limit of four
        Assert.Equal(5, status.Distinct);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    [InlineData(200_000)]
    public void DistinctSketch_EstimateIsWithinThreeStandardErrors_AndAMergeEstimatesTheUnion(int distinct)
    {
        var a = new DistinctSketch();
        var b = new DistinctSketch();
        for (var i = 0; i < distinct; i++)
        {
            // Half the values in each, a quarter in both: the union holds every value once.
            var text = $"value-{i}";
            (i % 2 == 0 ? a : b).Add(ValueHash.Of(text));
            if (i % 4 == 0)
            {
                b.Add(ValueHash.Of(text));
            }
        }

        a.Merge(b);

        Assert.InRange(a.Estimate(), distinct * (1 - (3 * DistinctSketch.StandardError)), distinct * (1 + (3 * DistinctSketch.StandardError)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    /// <summary>Rows of every load type on one day: ids, amounts (declared double, a null every 7th), prices (decimal), dates (a null every 11th), flags (a null every 5th), statuses, high-cardinality codes, text with accents.</summary>
    private static string Csv(int from, int count, bool extra = false)
    {
        var text = new StringBuilder("id,amount,price,due,entered_at,flag,status,code" + (extra ? ",note" : "") + "\n");
        for (var i = from; i < from + count; i++)
        {
            var amount = i % 7 == 0 ? "" : ((i * 0.25) - 100).ToString("R", CultureInfo.InvariantCulture);
            var price = (i % 300 + 0.5m).ToString("F2", CultureInfo.InvariantCulture);
            var due = i % 11 == 0 ? "" : new DateOnly(2026, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var at = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 7.25).ToString("yyyy-MM-dd'T'HH:mm:ss.ff'Z'", CultureInfo.InvariantCulture);
            var flag = i % 5 == 0 ? "" : (i % 3 == 0 ? "true" : "false");
            var status = Statuses[i % (extra ? 3 : Statuses.Length)];
            var code = i % 13 == 0 ? "" : $"c{(i * 7919) % 5_000}é";
            text.Append(CultureInfo.InvariantCulture, $"{i},{amount},{price},{due},{at},{flag},{status},{code}{(extra ? $",n{i % 50}" : "")}\n");
        }

        return text.ToString();
    }

    private async Task<string> ParseAsync(string name, string csv, ProfileOptions? profiles)
    {
        var raw = Path.Combine(_folder, Guid.NewGuid().ToString("N") + name);
        await File.WriteAllTextAsync(raw, csv);
        var sink = new FolderSink(Path.Combine(_folder, Guid.NewGuid().ToString("N")));
        var source = LoadHarness.Source() with
        {
            Schema = [new ColumnHint("amount", ColumnType.Double, false), new ColumnHint("due", ColumnType.Date, false), new ColumnHint("flag", ColumnType.Boolean, false), new ColumnHint("code", ColumnType.String, false)],
        };
        var parser = new RawBlobParser(source, new PiiTokenizer(LoadHarness.Key), new LoadEngineOptions { RowGroupRows = 700 }) { Profiles = profiles };
        var outcome = await parser.ParseAsync(new RawBlobInput(raw, $"raw/entries/ingest_date=2026-11-20/{name}", new DateOnly(2026, 11, 20)), sink, CancellationToken.None);
        return sink.FragmentPath(Assert.Single(outcome.Fragments).Partition);
    }

    private static void AssertMatchesDuckDb(WrittenProfile written, string file)
    {
        var duck = new PartitionProfiler(Options.Create(new ProfileOptions())).Profile("entries", "2026-11-20", "run", DateTimeOffset.UnixEpoch, file);
        Assert.Equal(duck.Rows, written.Rows);
        Assert.Equal(duck.Columns.Select(c => (c.Name, c.Type)), written.Columns.Select(c => (c.Name, c.Type)));
        Assert.Contains(written.Columns, c => c.Type.StartsWith("DECIMAL", StringComparison.Ordinal));
        Assert.Contains(written.Columns, c => c.Type == "DOUBLE");
        foreach (var (ours, theirs) in written.Columns.Zip(duck.Columns))
        {
            Assert.True(theirs.Nulls == ours.Nulls, $"{ours.Name}: nulls {ours.Nulls}, DuckDB {theirs.Nulls}");
            Assert.True(theirs.Min == ours.Min && theirs.Max == ours.Max, $"{ours.Name}: {ours.Min}..{ours.Max}, DuckDB {theirs.Min}..{theirs.Max}");
            Assert.Equal(theirs.MinNumber, ours.MinNumber);
            Assert.Equal(theirs.MaxNumber, ours.MaxNumber);
            Assert.Equal(theirs.Values?.OrderBy(v => v.Key, StringComparer.Ordinal), ours.Values?.OrderBy(v => v.Key, StringComparer.Ordinal));
            var exact = Convert.ToInt64(DuckDbReader.Query($"SELECT count(DISTINCT {Quote(ours.Name)}) AS n FROM read_parquet({DuckDbReader.Quote(file)})")[0]["n"], CultureInfo.InvariantCulture);
            Assert.InRange(ours.Distinct, exact * (1 - (3 * DistinctSketch.StandardError)), exact * (1 + (3 * DistinctSketch.StandardError)));
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
