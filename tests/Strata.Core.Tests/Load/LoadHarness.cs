using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Strata.Definitions;
using Strata.Load;
using Strata.Load.Pii;

namespace Strata.Tests.Load;

/// <summary>
/// Runs <see cref="RawBlobParser"/> on text or bytes in a temporary folder and reads back what it
/// wrote: fragment rows through Parquet.Net, quarantine records as JSON.
/// </summary>
internal sealed class LoadHarness : IDisposable
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("a test key of thirty-two bytes!!");

    public LoadHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "strata-load-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public FolderSink Sink { get; private set; } = null!;

    public static SourceDefinition Source(string partitionColumn = "entered_at", Grain grain = Grain.Day) => new()
    {
        Name = "entries",
        Pipeline = "test",
        LandingPrefix = "entries/",
        Partition = new PartitionKeySpec("entry_date", partitionColumn, grain, IngestDate: false),
    };

    public static SourceDefinition Unpartitioned() => Source() with { Partition = PartitionKeySpec.Unpartitioned };

    public Task<ParseOutcome> ParseTextAsync(SourceDefinition source, string fileName, string text, LoadEngineOptions? options = null) =>
        ParseBytesAsync(source, fileName, Encoding.UTF8.GetBytes(text), options);

    public async Task<ParseOutcome> ParseBytesAsync(SourceDefinition source, string fileName, byte[] content, LoadEngineOptions? options = null)
    {
        var path = Path.Combine(Folder, "raw-" + Guid.NewGuid().ToString("N") + "-" + fileName);
        await File.WriteAllBytesAsync(path, content);
        return await ParseFileAsync(source, path, fileName, options);
    }

    /// <summary>Writes a file into the harness folder (for a reference reader to read too) and returns its path.</summary>
    public async Task<string> WriteAsync(string fileName, string text)
    {
        var path = Path.Combine(Folder, "raw-" + Guid.NewGuid().ToString("N") + "-" + fileName);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    public async Task<ParseOutcome> ParseFileAsync(SourceDefinition source, string path, string fileName, LoadEngineOptions? options = null)
    {
        Sink = new FolderSink(Path.Combine(Folder, "out-" + Guid.NewGuid().ToString("N")));
        var parser = new RawBlobParser(source, new PiiTokenizer(Key), options ?? new LoadEngineOptions());
        return await parser.ParseAsync(new RawBlobInput(path, $"raw/entries/ingest_date=2026-11-20/abc-{fileName}", new DateOnly(2026, 11, 20)), Sink, CancellationToken.None);
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>The rows of a fragment, each a column → value map (strings for text).</summary>
    public Task<List<Dictionary<string, object?>>> RowsAsync(string partition) => ReadParquetAsync(Sink.FragmentPath(partition));

    public List<JsonElement> Quarantine() =>
        File.Exists(Sink.QuarantinePath)
            ? [.. File.ReadAllLines(Sink.QuarantinePath).Select(l => JsonDocument.Parse(l).RootElement.Clone())]
            : [];

    public static async Task<List<Dictionary<string, object?>>> ReadParquetAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, CancellationToken.None);
        var rows = new List<Dictionary<string, object?>>();
        var fields = reader.Schema.DataFields;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var columns = new List<object?[]>();
            foreach (var field in fields)
            {
                columns.Add(await ReadColumnAsync(group, field, (int)group.RowCount));
            }

            for (var r = 0; r < group.RowCount; r++)
            {
                rows.Add(fields.Select((f, i) => (f.Name, Value: columns[i][r])).ToDictionary(x => x.Name, x => x.Value));
            }
        }

        return rows;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader may still hold a file on some platforms; the temp folder is cleaned eventually.
        }
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        var t = field.ClrType;
        if (t == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            await group.ReadAsync(field, values.AsMemory(), null, CancellationToken.None);
            return values;
        }

        if (t == typeof(long)) { return await ReadAsync<long>(group, field, rows); }
        if (t == typeof(int)) { return await ReadAsync<int>(group, field, rows); }
        if (t == typeof(decimal)) { return await ReadAsync<decimal>(group, field, rows); }
        if (t == typeof(double)) { return await ReadAsync<double>(group, field, rows); }
        if (t == typeof(bool)) { return await ReadAsync<bool>(group, field, rows); }
        if (t == typeof(DateOnly)) { return await ReadAsync<DateOnly>(group, field, rows); }
        if (t == typeof(DateTime)) { return await ReadAsync<DateTime>(group, field, rows); }
        throw new NotSupportedException(t.ToString());
    }

    private static async Task<object?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory(), null, CancellationToken.None);
        return [.. values.Select(v => v.HasValue ? (object)v.Value : null)];
    }
}
