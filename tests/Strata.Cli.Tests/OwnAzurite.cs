using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Strata.Storage.Azurite;

namespace Strata.Cli.Tests;

/// <summary>
/// An Azurite this test owns and may stop abruptly: fixed loopback ports and a data folder chosen
/// once, so it can be killed by pid and started again on the same ports over the same data, as
/// a user's emulator coming back would be.
/// </summary>
internal sealed class OwnAzurite : IAsyncDisposable
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _root;
    private Process? _process;

    private OwnAzurite(string root)
    {
        _root = root;
        Folder = Path.Combine(Path.GetTempPath(), $"strata-own-azurite-{Guid.NewGuid():N}");
        (BlobPort, QueuePort, TablePort) = (ServeTests.FreePort(), ServeTests.FreePort(), ServeTests.FreePort());
    }

    public string Folder { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<OwnAzurite> StartAsync()
    {
        var root = NodeTools.FindRoot();
        await NodeTools.EnsureInstalledAsync(root, "azurite", CancellationToken.None);
        var azurite = new OwnAzurite(root);
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts it (again) on the same ports and data folder.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     Path.Combine(_root, "node_modules", "azurite", "dist", "src", "azurite.js"),
                     "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry", "--location", Folder,
                     "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}", "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, TablePort })
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    /// <summary>Stops it the way the test asks: <c>kill</c> (SIGKILL, by pid) or <c>interrupt</c> (SIGINT: Azurite shuts down gracefully).</summary>
    public async Task StopAsync(string how)
    {
        var process = _process!;
        if (how == "interrupt" && !OperatingSystem.IsWindows())
        {
            using var signal = Process.Start("kill", ["-INT", $"{process.Id}"]);
            await signal.WaitForExitAsync();
        }
        else
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync("kill");
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the emulator still held; the temp folder is the OS's to clean.
        }
    }
}
