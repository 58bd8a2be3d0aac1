using System.Diagnostics;

namespace Strata.Storage.Azurite;

/// <summary>
/// The Node tools Strata pins in the repository's <c>package.json</c> (Azurite, csv-spectrum).
/// Finds the folder that holds them and runs <c>npm ci</c> once when they are missing, under a
/// file lock so parallel test processes do not install over each other.
/// </summary>
public static class NodeTools
{
    /// <summary>Walks up from <paramref name="start"/> (default: the app's folder, then the current directory) to the folder whose package.json pins Azurite.</summary>
    public static string FindRoot(string? start = null)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        throw new StorageUnavailableException(
            "could not find Strata's package.json (it pins Azurite); run from the repository, or set Strata__Storage__ConnectionString to a storage account or an Azurite you started");
    }

    /// <summary>
    /// Copies a pinned manifest (<c>package.json</c> and <c>package-lock.json</c> from
    /// <paramref name="manifestFolder"/>) into <paramref name="folder"/> and returns it, ready for
    /// <see cref="EnsureInstalledAsync"/>: how a copy of Strata outside the repository (the .NET
    /// tool) installs Azurite into its data folder. A changed manifest (a newer tool) replaces the
    /// old one and its <c>node_modules</c>, so the pinned versions are what runs.
    /// </summary>
    public static string PrepareIn(string folder, string manifestFolder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            var source = Path.Combine(manifestFolder, file);
            var target = Path.Combine(folder, file);
            if (!File.Exists(target) || File.ReadAllText(target) != File.ReadAllText(source))
            {
                File.Copy(source, target, overwrite: true);
                var modules = Path.Combine(folder, "node_modules");
                if (Directory.Exists(modules))
                {
                    Directory.Delete(modules, recursive: true);
                }
            }
        }

        return folder;
    }

    /// <summary>Ensures <c>node_modules/&lt;package&gt;</c> exists under <paramref name="root"/>, running <c>npm ci</c> if not.</summary>
    public static async Task EnsureInstalledAsync(string root, string package, CancellationToken ct)
    {
        var marker = Path.Combine(root, "node_modules", package, "package.json");
        if (File.Exists(marker))
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(root, ".strata"));
        await using var gate = await AcquireLockAsync(Path.Combine(root, ".strata", "npm.lock"), ct);
        if (File.Exists(marker))
        {
            return;
        }

        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(npm) ?? throw new StorageUnavailableException("could not start npm; install Node.js (it ships npm)");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || !File.Exists(marker))
        {
            throw new StorageUnavailableException($"'npm ci' in {root} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, ct);
            }
        }
    }
}
