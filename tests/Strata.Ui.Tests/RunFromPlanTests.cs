using Strata.Ui.Tests.Support;

namespace Strata.Ui.Tests;

/// <summary>The Run button: a run started from the plan page through the API, followed live to its end.</summary>
[Collection(UiCollection.Name)]
public sealed class RunFromPlanTests(UiFixture ui)
{
    [Fact]
    public async Task RunButton_StartsARun_FollowsItLiveToCompleted_AndThePlanThenHasNothingStale()
    {
        // A lake of its own: wave 01 landed, nothing run, so the plan has everything to build.
        await using var server = await DemoServer.StartAsync(ui.Azurite, landed: 1, run: 0);
        await using var tab = await BrowserPage.OpenAsync(ui.Browser, server.Url);
        await tab.GoAsync("pipelines/sweepstakes/plan");
        Assert.Contains("raw blobs to parse", await tab.Page.InnerTextAsync("[data-plan=entries_web]"), StringComparison.Ordinal);

        await tab.Page.ClickAsync("#run");
        await tab.Page.WaitForSelectorAsync(".progress[data-status=Completed]", new() { Timeout = 120_000 });
        await tab.Page.WaitForSelectorAsync("#nothing-stale", new() { Timeout = 30_000 });
        await tab.ScreenshotAsync("plan-after-run");

        var progress = await tab.Page.InnerTextAsync(".progress");
        Assert.Contains("completed", progress, StringComparison.Ordinal);
        Assert.Equal(6, await tab.Page.Locator(".progress tr[data-dataset]").CountAsync());
        await tab.GoAsync("pipelines/sweepstakes/runs");
        Assert.Equal(["sweepstakes-000001"], await tab.Page.Locator("tr[data-run]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.run)"));
        Assert.Empty(tab.Errors);
    }
}
