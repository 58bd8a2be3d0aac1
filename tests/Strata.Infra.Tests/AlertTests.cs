using System.Text.Json;

namespace Strata.Infra.Tests;

/// <summary>The alert rules exist, read the app's own telemetry (the Strata meter in Application Insights) and notify the one action group.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class AlertTests(SnapshotFixture fixture)
{
    [Theory]
    [InlineData("strata-run-failed", "strata.runs", "\"Failed\", \"CompletedWithFailures\"", "GreaterThan")]
    [InlineData("strata-run-warnings", "strata.runs", "== \"CompletedWithWarnings\"", "GreaterThan")]
    [InlineData("strata-quarantine-ratio", "strata.quarantine.ratio", "max(valueMax)", "GreaterThan")]
    [InlineData("strata-data-drift", "strata.drift.events", "strata.drift.kind", "GreaterThan")]
    [InlineData("strata-pipeline-stale", "strata.runs", "startswith \"Completed\"", "LessThan")]
    [InlineData("strata-check-failed", "strata.check.failures", "[\"strata.severity\"]) == \"error\"", "GreaterThan")]
    public void Snapshot_AlertRule_QueriesTheStrataMeterInApplicationInsights_AndNotifiesTheActionGroup(string rule, string metric, string filter, string op)
    {
        var rules = fixture.WithThreeTeams.OfType("Microsoft.Insights/scheduledQueryRules").ToDictionary(r => r.Id[(r.Id.LastIndexOf('/') + 1)..], StringComparer.Ordinal);
        var group = Assert.Single(fixture.WithThreeTeams.OfType("Microsoft.Insights/actionGroups"));

        var alert = rules[rule];
        var criterion = Assert.Single(alert.Property("criteria", "allOf")!.Value.EnumerateArray());
        var query = criterion.GetProperty("query").GetString()!;
        Assert.StartsWith($"customMetrics | where name == \"{metric}\"", query, StringComparison.Ordinal);
        Assert.Contains(filter, query, StringComparison.Ordinal);
        Assert.Equal(op, criterion.GetProperty("operator").GetString());
        Assert.Contains("Microsoft.Insights/components", Assert.Single(alert.Property("scopes")!.Value.EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.True(alert.Property("enabled")?.ValueKind == JsonValueKind.True, $"{rule} must be enabled");
        var notified = Assert.Single(alert.Property("actions", "actionGroups")!.Value.EnumerateArray()).GetString()!;
        Assert.EndsWith(group.Id[(group.Id.LastIndexOf('/') + 1)..], notified.TrimEnd(')', '\'', ']'), StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_ActionGroup_IsGlobalEnabled_WithNoEmailReceiverUntilOneIsSet()
    {
        var group = Assert.Single(fixture.WithThreeTeams.OfType("Microsoft.Insights/actionGroups"));

        Assert.Equal("global", group.Json.GetProperty("location").GetString());
        Assert.True(group.Property("enabled")?.ValueKind == JsonValueKind.True);
        // No e-mail receiver until STRATA_ALERT_EMAILS is set; the webhooks come from a secure parameter, which the snapshot leaves unevaluated.
        Assert.Equal("[]", group.Property("emailReceivers")!.Value.GetRawText());
        Assert.NotNull(group.Property("webhookReceivers"));
        Assert.Equal(6, fixture.WithThreeTeams.OfType("Microsoft.Insights/scheduledQueryRules").Count());
    }
}
