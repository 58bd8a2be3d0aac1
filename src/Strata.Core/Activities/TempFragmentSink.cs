using Strata.Load;
using Strata.Storage;

namespace Strata.Activities;

/// <summary>Collects a parse's fragments and quarantine records as local files, uploaded once the parse has finished.</summary>
internal sealed class TempFragmentSink(TempFolder folder) : IFragmentSink
{
    public string? QuarantineFile { get; private set; }

    public string FragmentFile(string partition) => folder.File($"fragment-{partition}.parquet");

    // Synchronous, buffered files: on Linux an async file write is a thread-pool hop per call. The
    // buffer only gathers page headers (pages go straight through) and lives as long as its
    // fragment: 64 KiB, as 1 MiB × 182 open fragments was 182 MB of large-object heap per parse.
    public ValueTask<Stream> OpenFragmentAsync(string partition, CancellationToken ct) =>
        ValueTask.FromResult<Stream>(new FileStream(FragmentFile(partition), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16));

    public ValueTask<Stream> OpenQuarantineAsync(CancellationToken ct)
    {
        QuarantineFile = folder.File("quarantine.jsonl");
        return ValueTask.FromResult<Stream>(new FileStream(QuarantineFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20));
    }
}
