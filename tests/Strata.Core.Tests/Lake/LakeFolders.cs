using System.Globalization;
using Strata.Definitions;
using Strata.Partitions;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Lake;

/// <summary>
/// The lake as an outside reader sees it: containers downloaded to a local folder, read with
/// DuckDB's folder globs — and, to compare with, the committed partitions' own files.
/// </summary>
internal sealed class LakeFolders(TestLake lake) : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"strata-lake-{Guid.NewGuid():N}");

    /// <summary>Downloads every blob of these containers, keeping names as paths (<c>Root/load/orders/...</c>).</summary>
    public async Task<LakeFolders> DownloadAsync(params string[] containers)
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        foreach (var container in containers)
        {
            foreach (var blob in await lake.BlobsAsync(container))
            {
                var local = Path.Combine(Root, container, blob);
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await lake.Storage.Container(container).GetBlobClient(blob).DownloadToAsync(local);
            }
        }

        return this;
    }

    /// <summary>The local folder of a table.</summary>
    public string Table(string dataset) => Path.Combine(Root, ContainerOf(dataset), dataset);

    /// <summary>
    /// The glob the README tells folder readers to use: <c>*=*/*.parquet</c> (only key=value
    /// folders, never <c>_delta_log/</c>), or <c>*.parquet</c> for an unpartitioned dataset.
    /// </summary>
    public string Glob(string dataset) => Path.Combine(Table(dataset), IsPartitioned(dataset) ? "*=*/*.parquet" : "*.parquet");

    /// <summary>Rows a hive-partitioned folder read returns, as canonical strings over <paramref name="columns"/>.</summary>
    public List<string> FolderRows(string dataset, IReadOnlyList<string> columns) =>
        Canonical(DuckDbReader.Query($"SELECT * FROM read_parquet({DuckDbReader.Quote(Glob(dataset))}, hive_partitioning = true, union_by_name = true)"), columns);

    /// <summary>Rows of the given local files (union by name), as canonical strings.</summary>
    public static List<string> FileRows(IEnumerable<string> files, IReadOnlyList<string> columns)
    {
        var list = files.ToList();
        return list.Count == 0 ? [] : Canonical(DuckDbReader.Query($"SELECT * FROM read_parquet([{string.Join(", ", list.Select(DuckDbReader.Quote))}], union_by_name = true)"), columns);
    }

    /// <summary>The committed partitions' files of a dataset (local paths) and the column names they hold.</summary>
    public async Task<(List<string> Files, List<string> Columns)> CommittedAsync(string dataset)
    {
        var files = new List<string>();
        await foreach (var record in lake.Get<PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            files.Add(Path.Combine(Root, ContainerOf(dataset), record.OutputPath));
        }

        var columns = files.Count == 0
            ? []
            : DuckDbReader.Query($"DESCRIBE SELECT * FROM read_parquet([{string.Join(", ", files.Select(DuckDbReader.Quote))}], union_by_name = true)")
                .Select(r => (string)r["column_name"]!).ToList();
        return (files, columns);
    }

    public static List<string> Canonical(IEnumerable<Dictionary<string, object?>> rows, IReadOnlyList<string> columns) =>
        rows.Select(r => string.Join("|", columns.Select(c => $"{c}={Format(r.GetValueOrDefault(c))}"))).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never downloaded.
        }
    }

    private string ContainerOf(string dataset) => LakeContainers.ForOutput(lake.Get<PipelineCatalog>(), dataset);

    private bool IsPartitioned(string dataset)
    {
        var pipeline = lake.Get<PipelineCatalog>().PipelineOf(dataset)!;
        var key = pipeline.FindSource(dataset)?.Partition ?? pipeline.FindDataset(dataset)!.Partition;
        return !key.IsUnpartitioned;
    }

    private static string Format(object? value) => value switch
    {
        null => "∅",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
