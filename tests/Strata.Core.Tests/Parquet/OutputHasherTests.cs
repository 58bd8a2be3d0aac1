using Parquet;
using Parquet.Schema;
using Strata.Parquet;
using Strata.Tests.Load;
using Strata.Testing;

namespace Strata.Tests.Parquet;

public sealed class OutputHasherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strata-hash-tests", Guid.NewGuid().ToString("N"));

    public OutputHasherTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task SameRows_InAnotherOrderAndOtherRowGroups_HashTheSame()
    {
        var ids = new long?[] { 1, 2, 3, 4, 5 };
        var names = new[] { "a", null, "c", "d", "e" };
        var a = await WriteAsync("a.parquet", [ids], [names], groupSize: 5);
        var b = await WriteAsync("b.parquet", [ids.Reverse().ToArray()], [names.Reverse().ToArray()], groupSize: 2);
        var c = await WriteAsync("c.parquet", [[1, 2, 3, 4, 6]], [names], groupSize: 5);
        var d = await WriteAsync("d.parquet", [[1, 2, 3, 4]], [names[..4]], groupSize: 5);

        Assert.Equal(await HashAsync(a), await HashAsync(b));
        Assert.NotEqual(await HashAsync(a), await HashAsync(c));
        Assert.NotEqual(await HashAsync(a), await HashAsync(d));
        Assert.Matches("^[0-9a-f]{32}$", await HashAsync(a));
    }

    [Fact]
    public async Task DuplicateRows_Count()
    {
        var once = await WriteAsync("once.parquet", [[1, 2]], [["x", "y"]], groupSize: 5);
        var twice = await WriteAsync("twice.parquet", [[1, 2, 2]], [["x", "y", "y"]], groupSize: 5);

        Assert.NotEqual(await HashAsync(once), await HashAsync(twice));
    }

    [Fact]
    public async Task DuckDbWrittenParquet_OfTheSameRows_HashesLikeOurFragment()
    {
        using var harness = new LoadHarness();
        var csv = "id,amount,score,name,day,seen,flag\n" +
                  "1,12.50,0.5,ann,2026-11-20,2026-11-20T13:05:00.123456Z,true\n" +
                  "2,-3.00,-0.0,,2026-11-21,2026-11-20T13:05:00+02:00,false\n" +
                  "3,,1e-3,ærø,,,\n";
        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.csv", csv);
        var duck = Path.Combine(_folder, "duck.parquet");
        DuckDbReader.Query(
            "COPY (SELECT * FROM (VALUES " +
            "(1::BIGINT, 12.5::DECIMAL(18,2), 0.5::DOUBLE, 'ann', DATE '2026-11-20', TIMESTAMPTZ '2026-11-20 13:05:00.123456+00', true), " +
            "(2, -3::DECIMAL(18,2), 0.0, NULL, DATE '2026-11-21', TIMESTAMPTZ '2026-11-20 11:05:00+00', false), " +
            "(3, NULL, 0.001, 'ærø', NULL, NULL, NULL)) t(id, amount, score, name, day, seen, flag) ORDER BY id DESC) " +
            $"TO {DuckDbReader.Quote(duck)} (FORMAT parquet, ROW_GROUP_SIZE 2)");
        var duckNarrow = Path.Combine(_folder, "duck-narrow.parquet");
        DuckDbReader.Query(
            "COPY (SELECT id::INTEGER AS id, amount::DECIMAL(9,2) AS amount, score::FLOAT AS score, name, day, seen::TIMESTAMP AS seen, flag, NULL::VARCHAR AS always_null " +
            $"FROM read_parquet({DuckDbReader.Quote(duck)})) TO {DuckDbReader.Quote(duckNarrow)} (FORMAT parquet)");

        var ours = outcome.Fragments[0].OutputHash;

        Assert.Equal(ours, await HashAsync(harness.Sink.FragmentPath("all")));
        Assert.Equal(ours, await HashAsync(duck));
        Assert.NotEqual(ours, await HashAsync(duckNarrow)); // float 0.001 is not double 0.001...
        var duckExact = Path.Combine(_folder, "duck-exact.parquet");
        DuckDbReader.Query(
            "COPY (SELECT id::INTEGER AS id, amount::DECIMAL(38,4) AS amount, score, name, day, seen::TIMESTAMP AS seen, flag, NULL::VARCHAR AS always_null " +
            $"FROM read_parquet({DuckDbReader.Quote(duck)})) TO {DuckDbReader.Quote(duckExact)} (FORMAT parquet)");
        Assert.Equal(ours, await HashAsync(duckExact)); // ...but INT32 vs INT64, DECIMAL(38,4), TIMESTAMP vs TIMESTAMPTZ and a null column are alike
    }

    [Fact]
    public async Task IntegerAndDecimalOfTheSameValue_HashAlike()
    {
        var asLong = await WriteAsync("long.parquet", [[5]], [["x"]], groupSize: 5);
        var asDecimal = Path.Combine(_folder, "dec.parquet");
        DuckDbReader.Query($"COPY (SELECT 5.00::DECIMAL(18,2) AS id, 'x' AS name) TO {DuckDbReader.Quote(asDecimal)} (FORMAT parquet)");

        Assert.Equal(await HashAsync(asLong), await HashAsync(asDecimal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<string> HashAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await OutputHasher.HashParquetAsync(stream, CancellationToken.None);
    }

    private async Task<string> WriteAsync(string name, long?[][] ids, string?[][] names, int groupSize)
    {
        var path = Path.Combine(_folder, name);
        var schema = new ParquetSchema(new DataField<long?>("id"), new DataField<string>("name"));
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file, null, false, CancellationToken.None);
        var allIds = ids.SelectMany(x => x).ToArray();
        var allNames = names.SelectMany(x => x).ToArray();
        for (var start = 0; start < allIds.Length; start += groupSize)
        {
            var n = Math.Min(groupSize, allIds.Length - start);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(schema.DataFields[0], allIds.AsMemory(start, n), null, null, CancellationToken.None);
            await group.WriteAsync(schema.DataFields[1], allNames.Skip(start).Take(n).ToArray(), null);
        }

        return path;
    }
}
