using Strata.Land;
using Strata.Storage;

namespace Strata.Cli.Commands;

/// <summary>
/// Puts local files into the landing container and lands them, as a producer would. A folder's
/// files keep their path relative to the folder (so <c>samples/wave1/sweepstakes/web/a.csv</c> given
/// <c>samples/wave1</c> lands as <c>sweepstakes/web/a.csv</c>); a single file lands as its name.
/// Either way <c>--prefix</c> is put in front.
/// </summary>
internal static class LandingFiles
{
    public static IEnumerable<(string Local, string Name)> Expand(IEnumerable<string> paths, string prefix)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return (file, prefix + Path.GetRelativePath(path, file).Replace('\\', '/'));
                }
            }
            else if (File.Exists(path))
            {
                yield return (path, prefix + Path.GetFileName(path));
            }
            else
            {
                throw new FileNotFoundException($"no file or folder '{path}'", path);
            }
        }
    }

    public static async Task<IReadOnlyList<LandResult>> UploadAndLandAsync(LakeStorage storage, Lander lander, IEnumerable<(string Local, string Name)> files, CancellationToken ct)
    {
        var landing = storage.Container(LakeContainers.Landing);
        var results = new List<LandResult>();
        foreach (var (local, name) in files)
        {
            await landing.GetBlobClient(name).UploadAsync(local, overwrite: true, ct);
            results.Add(await lander.LandAsync(name, ct));
        }

        return results;
    }

    public static string Describe(IReadOnlyList<LandResult> results)
    {
        var text = new System.Text.StringBuilder();
        foreach (var r in results)
        {
            text.Append(r.Outcome switch
            {
                LandOutcome.Landed => $"landed     {r.LandingName} -> raw/{r.RawPath}\n",
                LandOutcome.Duplicate => $"duplicate  {r.LandingName} (same bytes as raw/{r.RawPath}; stored once)\n",
                LandOutcome.Unowned => $"unowned    {r.LandingName} (no source's landing prefix matches; it stays in landing)\n",
                LandOutcome.AlreadyLanded => $"unchanged  {r.LandingName}\n",
                _ => $"missing    {r.LandingName}\n",
            });
        }

        return text.ToString();
    }
}
