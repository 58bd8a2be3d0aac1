using System.Net;
using Strata.Ui.Tests.Support;

namespace Strata.Ui.Tests;

/// <summary>The UI behind an API key: given once as <c>?code=</c>, sent as a header, never put in a link.</summary>
[Collection(UiCollection.Name)]
public sealed class ApiKeyTests(UiFixture ui)
{
    private const string Key = "k3y-for-the-ui-test";

    [Fact]
    public async Task KeyGivenOnceAsCode_IsSentAsAHeader_AndLeavesTheAddressAndEveryLink()
    {
        await using var keyed = await ui.Demo.ServeAgainAsync(Key);
        var url = keyed.Urls.Single();
        using var http = new HttpClient();
        using var withoutKey = await http.GetAsync(url + "/");
        await using var tab = await BrowserPage.OpenAsync(ui.Browser, url);
        var headers = new List<string?>();
        tab.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/", StringComparison.Ordinal))
            {
                headers.Add(request.Headers.TryGetValue("x-functions-key", out var value) ? value : null);
            }
        };

        await tab.GoAsync("", $"?code={Key}");
        await tab.Page.ClickAsync("header nav a:has-text('Plan')");
        await tab.WaitLoadedAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(6, await tab.Page.Locator("tr[data-dataset]").CountAsync());
        Assert.DoesNotContain(Key, tab.Page.Url, StringComparison.Ordinal);
        Assert.All(await tab.Page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"), href => Assert.DoesNotContain(Key, href, StringComparison.Ordinal));
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Equal(Key, h));
        Assert.Empty(tab.Errors);
    }
}
