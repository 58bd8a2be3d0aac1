using Microsoft.Playwright;

namespace Strata.Ui.Tests.Support;

/// <summary>
/// A browser tab on the UI that records every console error, uncaught exception and failed
/// request, opens pages by their hash route and waits for them to finish drawing.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private BrowserPage(IPage page, string baseUrl)
    {
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Leaving a page aborts its pending calls on purpose.
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                Record($"request failed: {request.Url} {failure}");
            }
        };
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// <summary>Every error seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<BrowserPage> OpenAsync(HeadlessChromium browser, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return new BrowserPage(await browser.Context.NewPageAsync(), baseUrl.TrimEnd('/'));
    }

    /// <summary>Loads the UI (optionally with a query, e.g. <c>?code=KEY</c>) at a hash route and waits for the page to draw.</summary>
    public async Task GoAsync(string route, string query = "")
    {
        await Page.GotoAsync($"{BaseUrl}/{query}#/{route}");
        await WaitLoadedAsync();
    }

    /// <summary>Waits until the page in view has drawn (the router sets <c>data-loaded</c> on main).</summary>
    public async Task WaitLoadedAsync()
    {
        await Page.WaitForSelectorAsync("main[data-loaded=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        if (await Page.GetAttributeAsync("main", "data-error") is not null)
        {
            Assert.Fail($"{Page.Url} drew an error: {await Page.InnerTextAsync("main")}");
        }
    }

    /// <summary>A full-page screenshot into the test output folder (and docs/ui when asked to update them).</summary>
    public async Task ScreenshotAsync(string name) => Screenshots.Save(name, await Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }));

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
