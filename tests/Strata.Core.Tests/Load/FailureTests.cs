using System.Text;
using Strata.Definitions;
using Strata.Load;
using Strata.Load.Pii;

namespace Strata.Tests.Load;

/// <summary>Bad input is quarantined; I/O failures and cancellation are the only things that throw.</summary>
public sealed class FailureTests
{
    private const string Rows = "id,entered_at\n1,2026-11-20T10:00:00Z\n2,2026-11-21T10:00:00Z\n";

    [Fact]
    public async Task SinkFailure_WhileWritingInTheBackground_Throws()
    {
        using var harness = new LoadHarness();
        var path = Path.Combine(harness.Folder, "a.csv");
        await File.WriteAllTextAsync(path, Rows);
        var parser = new RawBlobParser(LoadHarness.Source(), null, new LoadEngineOptions());

        var error = await Assert.ThrowsAsync<IOException>(() => parser.ParseAsync(new RawBlobInput(path, "raw/a.csv", new DateOnly(2026, 11, 20)), new BrokenSink(), CancellationToken.None));

        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task Cancellation_Throws()
    {
        using var harness = new LoadHarness();
        var path = Path.Combine(harness.Folder, "a.csv");
        await File.WriteAllTextAsync(path, Rows);
        var parser = new RawBlobParser(LoadHarness.Source(), null, new LoadEngineOptions());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => parser.ParseAsync(new RawBlobInput(path, "raw/a.csv", new DateOnly(2026, 11, 20)), new FolderSink(harness.Folder), cancelled.Token));
    }

    [Fact]
    public void TokenisingSource_WithoutATokenizer_IsRefused()
    {
        var source = LoadHarness.Source() with { Pii = [new PiiRule("email", PiiAction.Tokenise)] };

        Assert.Throws<ArgumentException>(() => new RawBlobParser(source, null, new LoadEngineOptions()));
    }

    [Fact]
    public async Task ConcatenatedGzipMembers_AreAFileError_AsDocumented()
    {
        using var harness = new LoadHarness();
        var twoMembers = LoadHarness.Gzip("id,entered_at\n1,2026-11-20T10:00:00Z\n").Concat(LoadHarness.Gzip("2,2026-11-20T11:00:00Z\n")).ToArray();

        var outcome = await harness.ParseBytesAsync(LoadHarness.Source(), "a.csv.gz", twoMembers);

        Assert.Contains("multi-member gzip", outcome.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GzippedJsonLines_AreRead()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseBytesAsync(LoadHarness.Source(), "a.jsonl.gz", LoadHarness.Gzip("{\"id\":1,\"entered_at\":\"2026-11-20T10:00:00Z\"}\n"));

        Assert.Equal(1, outcome.RowsLoaded);
    }

    private sealed class BrokenSink : IFragmentSink
    {
        public ValueTask<Stream> OpenFragmentAsync(string partition, CancellationToken ct) => ValueTask.FromResult<Stream>(new BrokenStream());

        public ValueTask<Stream> OpenQuarantineAsync(CancellationToken ct) => ValueTask.FromResult<Stream>(new MemoryStream());
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("disk full");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}
