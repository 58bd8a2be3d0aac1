using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Hosting;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Workflow;

/// <summary>Workflow settings are checked at startup, and the run's custom status stays small however many datasets it has.</summary>
public sealed class WorkflowOptionsTests
{
    [Theory]
    [InlineData("MaxAttempts", "0", "Strata__Workflow__MaxAttempts")]
    [InlineData("FirstRetryInterval", "00:00:00", "Strata__Workflow__FirstRetryInterval")]
    [InlineData("MaxRetryInterval", "00:00:00.500", "Strata__Workflow__MaxRetryInterval")]
    [InlineData("BatchSize", "-1", "Strata__Workflow__BatchSize")]
    public void InvalidRetryOrBatchSetting_FailsAtStartup_NamingTheSetting(string name, string value, string setting)
    {
        using var services = Services(new() { [$"Strata:Workflow:{name}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WorkflowOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleAttempt_IsValid_AndBecomesTheRunsRetryPolicy()
    {
        using var services = Services(new() { ["Strata:Workflow:MaxAttempts"] = "1", ["Strata:Workflow:FirstRetryInterval"] = "00:00:02" });

        var retry = ActivityRetry.From(services.GetRequiredService<IOptions<WorkflowOptions>>().Value);

        Assert.Equal(new ActivityRetry(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), retry);
    }

    [Fact]
    public void CustomStatus_OfAPipelineWithThousandsOfDatasets_StaysWellUnder16KB()
    {
        var progress = new RunProgress("p-000001", "p");
        for (var i = 0; i < 5000; i++)
        {
            var dataset = $"dataset_with_a_long_descriptive_name_{i:D5}";
            progress.Add(dataset, i % 2 == 0 ? "integrate" : "action", 3);
            progress.Complete(dataset, i % 2 == 0 ? "integrate" : "action", [new BuildResult("k", BuildOutcome.Built, 1, 1, "h", null), new BuildResult("l", BuildOutcome.Failed, 0, 0, null, "x")]);
        }

        var snapshot = progress.Snapshot();
        var json = JsonSerializer.Serialize(snapshot, StrataJson.Options);

        Assert.True(json.Length < 8 * 1024, $"custom status is {json.Length} characters");
        Assert.Equal(RunProgress.MaxDatasets, snapshot.Datasets.Count);
        Assert.Equal(5000 - RunProgress.MaxDatasets, snapshot.DatasetsOmitted);
        Assert.Equal(new DatasetProgress(5000, 2500, 0, 0, 2500), snapshot.Layers["integrate"]);
        Assert.Contains("dataset_with_a_long_descriptive_name_04999", snapshot.Datasets.Keys);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddStrataCore(configuration).BuildServiceProvider();
    }
}
