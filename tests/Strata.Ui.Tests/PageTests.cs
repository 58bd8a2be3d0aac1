using Strata.Ui.Tests.Support;

namespace Strata.Ui.Tests;

/// <summary>
/// Every page of the UI in headless Chromium over the demo lake (waves 01–02 run, 03 landed and
/// waiting): each draws what the API says, links on, takes a screenshot, and logs no console error.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class PageTests(UiFixture ui) : IAsyncLifetime
{
    private BrowserPage _tab = null!;

    public async Task InitializeAsync() => _tab = await BrowserPage.OpenAsync(ui.Browser, ui.Demo.Url);

    public async Task DisposeAsync()
    {
        var errors = _tab.Errors;
        await _tab.DisposeAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Pipelines_DrawsTheGraph_WithEachNodeColouredByItsState()
    {
        await _tab.GoAsync("");
        await _tab.ScreenshotAsync("pipelines");

        Assert.Equal(6, await _tab.Page.Locator("svg.graph .node").CountAsync());
        Assert.Equal("stale", await _tab.Page.GetAttributeAsync("svg.graph .node[data-name=customers]", "data-state"));
        Assert.Equal("upToDate", await _tab.Page.GetAttributeAsync("svg.graph .node[data-name=entries_web]", "data-state"));
        Assert.Contains("1 blob to parse", await _tab.Page.TextContentAsync("svg.graph .node[data-name=customers]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipelines_ClickingANode_OpensThatDatasetsPage()
    {
        await _tab.GoAsync("");

        await _tab.Page.ClickAsync("svg.graph .node[data-name=entries_7d]");
        await _tab.WaitLoadedAsync();

        Assert.EndsWith("#/pipelines/sweepstakes/datasets/entries_7d", _tab.Page.Url, StringComparison.Ordinal);
        Assert.Contains("entries_7d", await _tab.Page.InnerTextAsync("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dataset_DrawsACalendarOfItsPartitions_AndAClickedPartitionLinksToItsLineage()
    {
        await _tab.GoAsync("pipelines/sweepstakes/datasets/entries_web");
        await _tab.Page.WaitForSelectorAsync(".grid[data-settled=true]");
        await _tab.ScreenshotAsync("dataset");

        Assert.Equal(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"],
            await _tab.Page.Locator(".grid .cell.state-upToDate").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.key)"));
        Assert.Equal("2026-11", await _tab.Page.InnerTextAsync(".grid-spacer .grid-row .grid-label"));

        await _tab.Page.ClickAsync(".grid .cell[data-key='2026-11-16']");
        await _tab.Page.WaitForSelectorAsync("aside.detail a.button");
        Assert.Contains("entries_web/entry_date=2026-11-16/", await _tab.Page.InnerTextAsync("aside.detail"), StringComparison.Ordinal);
        await _tab.Page.ClickAsync("aside.detail a.button");
        await _tab.WaitLoadedAsync();
        Assert.EndsWith("#/lineage/entries_web/2026-11-16", _tab.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SaysWhatWouldRebuildAndWhy()
    {
        await _tab.GoAsync("pipelines/sweepstakes/plan");
        await _tab.ScreenshotAsync("plan");

        Assert.Contains("stale", await _tab.Page.InnerTextAsync("tr[data-dataset=customers]"), StringComparison.Ordinal);
        Assert.Contains("customers-2026-11-20.csv", await _tab.Page.InnerTextAsync("[data-plan=customers]"), StringComparison.Ordinal);
        Assert.Contains("upstream stale", await _tab.Page.InnerTextAsync("[data-plan=entrants]"), StringComparison.Ordinal);
        Assert.Equal(0, await _tab.Page.Locator("#nothing-stale").CountAsync());
    }

    [Fact]
    public async Task Runs_ListsTheHistory_AndARunsDetailShowsItsDrift()
    {
        await _tab.GoAsync("pipelines/sweepstakes/runs/sweepstakes-000002");
        await _tab.ScreenshotAsync("runs");

        Assert.Equal(["sweepstakes-000002", "sweepstakes-000001"], await _tab.Page.Locator("tr[data-run]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.run)"));
        Assert.Contains("column added: utm_source", await _tab.Page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lineage_FromAProductPartition_ClicksDownToARawBlob()
    {
        await _tab.GoAsync("lineage/daily_entries/2026-11-16");
        await _tab.ScreenshotAsync("lineage");

        await _tab.Page.ClickAsync(".upstream a.tree-node[data-dataset=entrants][data-partition='2026-11-16']");
        await _tab.WaitLoadedAsync();
        Assert.EndsWith("#/lineage/entrants/2026-11-16", _tab.Page.Url, StringComparison.Ordinal);

        await _tab.Page.ClickAsync(".upstream a.tree-node[data-dataset=entries_web][data-partition='2026-11-16']");
        await _tab.WaitLoadedAsync();
        await _tab.Page.ClickAsync(".upstream a.tree-raw");
        await _tab.WaitLoadedAsync();
        await _tab.ScreenshotAsync("raw-blob");

        Assert.Contains("#/raw/entries_web/", _tab.Page.Url, StringComparison.Ordinal);
        Assert.Contains("entries-2026-11-16.csv", await _tab.Page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(1, await _tab.Page.Locator(".downstream a.tree-node[data-dataset=daily_entries][data-partition='2026-11-16']").CountAsync());
    }

    [Fact]
    public async Task Quality_ListsQuarantinedRowsWithReasonBlobAndLine_AndEachSourcesSchemaVersions()
    {
        await _tab.GoAsync("pipelines/sweepstakes/quality");
        await _tab.ScreenshotAsync("quarantine-and-drift");

        var rows = await _tab.Page.Locator("table.quarantine tbody tr").AllInnerTextsAsync();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("required column 'email' is empty", StringComparison.Ordinal) && r.Contains("entries-2026-11-15.csv", StringComparison.Ordinal));
        Assert.Contains("schema v2", await _tab.Page.InnerTextAsync("[data-source=entries_web]"), StringComparison.Ordinal);
        Assert.Contains("column added: utm_source", await _tab.Page.InnerTextAsync("[data-source=entries_web]"), StringComparison.Ordinal);
        Assert.True(await _tab.Page.Locator("main button:has-text('Load more')").IsHiddenAsync());
    }
}
