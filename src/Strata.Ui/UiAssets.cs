using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Ui;

/// <summary>
/// The UI's files, embedded in this assembly so a host serves them from any folder. The page
/// (<see cref="Document"/>) is <c>index.html</c> with every stylesheet and script it names inlined:
/// one request loads the whole UI, so behind an API key only that first request carries the key
/// (as <c>?code=</c>), and nothing is fetched from anywhere else. Data comes from <c>/api/...</c>.
/// </summary>
public static partial class UiAssets
{
    /// <summary>The path of the page; an empty path means it too.</summary>
    public const string Document = "index.html";

    private const string ResourcePrefix = "ui/";
    private static readonly ConcurrentDictionary<string, UiAsset?> s_cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Headers every host sends with the page. The policy allows only the inline page itself and
    /// calls back to this origin: the browser fetches nothing from anywhere else.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content-Security-Policy"] = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-cache",
    };

    /// <summary>Every embedded path (<c>index.html</c>, <c>style.css</c>, <c>js/app.js</c>, ...).</summary>
    public static IReadOnlyList<string> Paths { get; } = typeof(UiAssets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The asset at <paramref name="path"/> (the page for <c>""</c> or <c>index.html</c>), or null when there is none.</summary>
    public static UiAsset? Find(string? path)
    {
        var name = string.IsNullOrEmpty(path?.Trim('/')) ? Document : path.Trim('/');
        return s_cache.GetOrAdd(name, static n => n == Document ? ComposeDocument() : Load(n));
    }

    private static UiAsset? Load(string path) =>
        Read(path) is { } bytes ? Create(path, bytes) : null;

    private static UiAsset ComposeDocument()
    {
        var html = Encoding.UTF8.GetString(Read(Document) ?? throw new InvalidOperationException($"the UI assembly has no embedded {Document}; rebuild Strata.Ui"));
        html = Stylesheet().Replace(html, m => $"<style>\n{Text(m.Groups["path"].Value)}</style>");
        html = Script().Replace(html, m => $"<script>\n{Text(m.Groups["path"].Value)}</script>");
        return Create(Document, Encoding.UTF8.GetBytes(html));
    }

    private static string Text(string path) =>
        Encoding.UTF8.GetString(Read(path) ?? throw new InvalidOperationException($"{Document} names '{path}', which is not embedded; add it under src/Strata.Ui/assets/"));

    private static byte[]? Read(string path)
    {
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream(ResourcePrefix + path);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static UiAsset Create(string path, byte[] bytes) =>
        new(path, bytes, ContentType(path), $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    [GeneratedRegex("""<link rel="stylesheet" href="(?<path>[^"]+)">""")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("""<script src="(?<path>[^"]+)"></script>""")]
    private static partial Regex Script();
}
