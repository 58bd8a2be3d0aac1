using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Ui.Tests;

/// <summary>The embedded UI: one self-contained page, nothing fetched from anywhere else.</summary>
public sealed partial class UiAssetsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("index.html")]
    public void Document_IsTheComposedPage_WithEveryScriptAndStylesheetInlined(string path)
    {
        var page = UiAssets.Find(path)!;
        var html = Encoding.UTF8.GetString(page.Content);

        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("window.Strata", html, StringComparison.Ordinal);
        Assert.Contains("S.partitionGrid", html, StringComparison.Ordinal);
        Assert.Contains(".grid-scroll", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_NamesNoOtherHost_SoNothingIsFetchedAtRunTime()
    {
        var html = Encoding.UTF8.GetString(UiAssets.Find(UiAssets.Document)!.Content);

        Assert.DoesNotMatch(new Regex(@"(?:src|href)\s*=\s*[""']?(?:https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|url\(\s*['""]?https?:", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("fetch('http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryScriptTheDocumentNames_IsEmbedded()
    {
        var index = Encoding.UTF8.GetString(typeof(UiAssets).Assembly.GetManifestResourceStream("ui/index.html") is { } s ? ReadAll(s) : []);
        var named = ExternalReference().Matches(index).Select(m => m.Groups["path"].Value).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, path => Assert.Contains(path, UiAssets.Paths));
    }

    [Theory]
    [InlineData("style.css", "text/css; charset=utf-8")]
    [InlineData("js/core.js", "text/javascript; charset=utf-8")]
    public void Asset_ComesWithItsContentType_AndAStableETag(string path, string contentType)
    {
        var first = UiAssets.Find(path)!;
        var again = UiAssets.Find(path)!;

        Assert.Equal(contentType, first.ContentType);
        Assert.Equal(first.ETag, again.ETag);
        Assert.StartsWith("\"", first.ETag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope.js")]
    [InlineData("../Strata.Ui.dll")]
    public void UnknownPath_HasNoAsset(string path) => Assert.Null(UiAssets.Find(path));

    [Fact]
    public void Headers_AllowNothingButThePageAndItsOwnOrigin()
    {
        var policy = UiAssets.Headers["Content-Security-Policy"];

        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", UiAssets.Headers["Referrer-Policy"]);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // The two forms index.html uses to name its parts; the composed page must have none left.
    [GeneratedRegex("""<(?:script src|link rel="stylesheet" href)="(?<path>[^"]+)"[^>]*>""")]
    private static partial Regex ExternalReference();
}
