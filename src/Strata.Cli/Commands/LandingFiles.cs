using Strata.Cli.Output;
using Strata.Land;
using Strata.Storage;

namespace Strata.Cli.Commands;

/// <summary>
/// Puts local files into the landing container and lands them, as a producer would. A folder's
/// files keep their path relative to the folder (so <c>samples/wave1/sweepstakes/web/a.csv</c> given
/// <c>samples/wave1</c> lands as <c>sweepstakes/web/a.csv</c>); a single file lands as its name.
/// Either way <c>--prefix</c> is joined in front as a path (<c>team/orders</c> + <c>f.csv</c> =
/// <c>team/orders/f.csv</c>), and the name is normalised as storage would store it; every name is
/// checked before anything is uploaded.
/// </summary>
internal static class LandingFiles
{
    /// <summary>The files to land with their normalised landing names, and a problem for every name that cannot be landed.</summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static (IReadOnlyList<(string Local, string Name)> Files, IReadOnlyList<string> Problems) Expand(IEnumerable<string> paths, string prefix)
    {
        var files = new List<(string Local, string Name)>();
        var problems = new List<string>();
        foreach (var (local, name) in Names(paths, prefix))
        {
            if (LandingName.TryNormalise(name, out var normalised, out var problem))
            {
                files.Add((local, normalised));
            }
            else
            {
                problems.Add($"landing name '{name}' (from {local}) {problem}");
            }
        }

        return (files, problems);
    }

    public static async Task<IReadOnlyList<LandResult>> UploadAndLandAsync(LakeStorage storage, Lander lander, IEnumerable<(string Local, string Name)> files, CancellationToken ct)
    {
        var landing = storage.Container(LakeContainers.Landing);
        var results = new List<LandResult>();
        foreach (var (local, name) in files)
        {
            await landing.GetBlobClient(name).UploadAsync(local, new Azure.Storage.Blobs.Models.BlobUploadOptions { TransferOptions = BlobFiles.Blocks }, ct);
            results.Add(await lander.LandAsync(name, ct));
        }

        return results;
    }

    /// <summary>One line per file; names are escaped. <paramref name="prefixes"/> (the sources' landing prefixes) are listed when a file landed nowhere.</summary>
    public static string Describe(IReadOnlyList<LandResult> results, IEnumerable<string> prefixes)
    {
        var text = new System.Text.StringBuilder();
        foreach (var r in results)
        {
            var name = TerminalText.Escape(r.LandingName);
            text.Append(r.Outcome switch
            {
                LandOutcome.Landed => $"landed     {name} -> raw/{TerminalText.Escape(r.RawPath)}\n",
                LandOutcome.Duplicate => $"duplicate  {name} (same bytes as raw/{TerminalText.Escape(r.RawPath)}; stored once)\n",
                LandOutcome.Unowned => $"unowned    {name} (no source's landing prefix matches; it stays in landing)\n",
                LandOutcome.AlreadyLanded => $"unchanged  {name}\n",
                LandOutcome.Rejected => $"rejected   {name} ({TerminalText.Escape(r.Reason)})\n",
                _ => $"missing    {name}\n",
            });
        }

        if (results.Any(r => r.Outcome is LandOutcome.Unowned or LandOutcome.Rejected))
        {
            var known = string.Join(", ", prefixes.Select(TerminalText.Escape));
            text.Append($"some files landed nowhere: give --prefix one of the sources' landing prefixes ({(known.Length == 0 ? "no source declares one" : known)}), or declare a source whose landing: prefix holds them\n");
        }

        return text.ToString();
    }

    private static IEnumerable<(string Local, string Name)> Names(IEnumerable<string> paths, string prefix)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return (file, LandingName.Join(prefix, Path.GetRelativePath(path, file).Replace('\\', '/')));
                }
            }
            else if (File.Exists(path))
            {
                yield return (path, LandingName.Join(prefix, Path.GetFileName(path)));
            }
            else
            {
                throw new FileNotFoundException($"no file or folder '{path}'", path);
            }
        }
    }
}
