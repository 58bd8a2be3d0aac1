using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Strata.Storage.Azurite;

/// <summary>
/// An Azurite process owned by this process: installed from the pinned package.json if needed,
/// started on free loopback ports with a data folder of its own, and stopped (with its children)
/// on dispose. The embedded default for the CLI and the backend of every storage test.
/// </summary>
public sealed class EmbeddedAzurite : IAsyncDisposable
{
    // Azurite's well-known development account; it only ever listens on loopback here.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private EmbeddedAzurite(Process process, int blobPort, int queuePort, int tablePort, string dataFolder)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        DataFolder = dataFolder;
    }

    public int BlobPort { get; }

    /// <summary>The queue endpoint's port: Strata itself uses no queue, but the Durable Azure Storage provider (and the Functions host) do.</summary>
    public int QueuePort { get; }

    public int TablePort { get; }

    public string DataFolder { get; }

    /// <summary>A connection string for this instance, with its blob, queue and table endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Starts Azurite with its data under <paramref name="dataFolder"/>; installs it with npm first if needed.</summary>
    public static async Task<EmbeddedAzurite> StartAsync(string dataFolder, string? toolsRoot, CancellationToken ct)
    {
        var root = toolsRoot ?? NodeTools.FindRoot();
        await NodeTools.EnsureInstalledAsync(root, "azurite", ct);
        Directory.CreateDirectory(dataFolder);

        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"),
                     "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
                     "--location", dataFolder,
                     "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new StorageUnavailableException("could not start node for Azurite; install Node.js");
        var azurite = new EmbeddedAzurite(process, blobPort, queuePort, tablePort, dataFolder);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await WaitUntilListeningAsync(process, [blobPort, queuePort, tablePort], ct);
        }
        catch
        {
            await azurite.DisposeAsync();
            string log;
            lock (output)
            {
                log = output.ToString().Trim();
            }

            throw new StorageUnavailableException($"Azurite did not start on ports {blobPort}/{queuePort}/{tablePort}: {log}");
        }

        return azurite;
    }

    /// <summary>
    /// Stops Azurite gracefully (SIGINT, so it flushes its metadata databases to the data folder —
    /// a kill would lose the last seconds of writes), then forcibly if it does not exit in time.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                if (!OperatingSystem.IsWindows() && NativeSignals.Interrupt(_process.Id))
                {
                    using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                    try
                    {
                        await _process.WaitForExitAsync(grace.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Did not stop in time; fall through to the kill.
                    }
                }

                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilListeningAsync(Process process, int[] ports, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new StorageUnavailableException($"Azurite exited with code {process.ExitCode}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, ct);
                    break;
                }
                catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(100, ct);
                }
            }
        }
    }
}
