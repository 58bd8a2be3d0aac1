using Strata.Load;

namespace Strata.Bench.Load;

/// <summary>Fragments and quarantine as files in a folder (what the local host's sink does).</summary>
internal sealed class LocalFolderSink : IFragmentSink
{
    private readonly string _folder;

    public LocalFolderSink(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string PathOf(string partition) => Path.Combine(_folder, $"{partition}.parquet");

    public ValueTask<Stream> OpenFragmentAsync(string partition, CancellationToken ct) =>
        ValueTask.FromResult<Stream>(new FileStream(PathOf(partition), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));

    public ValueTask<Stream> OpenQuarantineAsync(CancellationToken ct) =>
        ValueTask.FromResult<Stream>(new FileStream(Path.Combine(_folder, "quarantine.jsonl"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
}
