using Strata.Load;

namespace Strata.Tests.Load;

/// <summary>Writes fragments and quarantine records as files in a folder.</summary>
internal sealed class FolderSink : IFragmentSink
{
    public FolderSink(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string Folder { get; }

    public List<string> Opened { get; } = [];

    public string QuarantinePath => Path.Combine(Folder, "quarantine.jsonl");

    public string FragmentPath(string partition) => Path.Combine(Folder, $"fragment-{partition}.parquet");

    public ValueTask<Stream> OpenFragmentAsync(string partition, CancellationToken ct)
    {
        lock (Opened)
        {
            Opened.Add(partition);
        }

        return ValueTask.FromResult<Stream>(File.Create(FragmentPath(partition)));
    }

    public ValueTask<Stream> OpenQuarantineAsync(CancellationToken ct) => ValueTask.FromResult<Stream>(File.Create(QuarantinePath));
}
