using Strata.Lineage.OpenLineage;

namespace Strata.Tests.Lineage.OpenLineage;

/// <summary>OpenLineage settings are checked at start and a bad one is named as it is set in the environment.</summary>
public sealed class OpenLineageOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndSendToNoConsumer()
    {
        var options = new OpenLineageOptions();

        Assert.True(new OpenLineageOptionsValidator().Validate(null, options).Succeeded);
        Assert.Null(options.OpenLineageUrl);
    }

    [Fact]
    public void ANonHttpUrlAndImpossibleBounds_FailNamingEachSetting()
    {
        var options = new OpenLineageOptions { OpenLineageUrl = new Uri("ftp://marquez/api/v1/lineage"), JobNamespace = " ", MaxAttempts = 0, SendTimeout = TimeSpan.Zero, BreakDuration = TimeSpan.FromMilliseconds(10) };

        var result = new OpenLineageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["Strata__Lineage__OpenLineageUrl", "Strata__Lineage__JobNamespace", "Strata__Lineage__MaxAttempts", "Strata__Lineage__SendTimeout", "Strata__Lineage__BreakDuration"],
            result.Failures!.Select(f => f.Split(' ')[0]));
    }
}
