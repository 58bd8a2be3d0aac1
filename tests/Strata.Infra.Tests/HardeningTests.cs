using System.Text.Json;
using Strata.Infra.Tests.Bicep;

namespace Strata.Infra.Tests;

[Collection(SnapshotCollection.Name)]
public sealed class HardeningTests(SnapshotFixture fixture)
{
    [Fact]
    public void Snapshot_EveryStorageAccount_AllowsNoKeysNoPublicBlobsAndOnlyHttpsTls12()
    {
        var accounts = fixture.WithThreeTeams.OfType("Microsoft.Storage/storageAccounts").ToList();

        Assert.Equal(3, accounts.Count);
        foreach (var account in accounts)
        {
            Assert.True(IsFalse(account.Property("allowSharedKeyAccess")), $"{account.Id}: allowSharedKeyAccess must be false");
            Assert.True(IsFalse(account.Property("allowBlobPublicAccess")), $"{account.Id}: allowBlobPublicAccess must be false");
            Assert.True(IsTrue(account.Property("supportsHttpsTrafficOnly")), $"{account.Id}: supportsHttpsTrafficOnly must be true");
            Assert.Equal("TLS1_2", account.Property("minimumTlsVersion")?.GetString());
        }
    }

    [Fact]
    public void Snapshot_EveryBlobContainer_IsPrivate()
    {
        var containers = fixture.WithThreeTeams.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, container => Assert.Equal("None", container.Property("publicAccess")?.GetString()));
    }

    [Fact]
    public void Snapshot_FunctionApp_IsHttpsOnlyWithFtpsAndBasicPublishingDisabled()
    {
        var app = Assert.Single(fixture.WithThreeTeams.OfType("Microsoft.Web/sites"));
        var policies = fixture.WithThreeTeams.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(policy => policy.Id[(policy.Id.LastIndexOf('/') + 1)..], StringComparer.Ordinal);

        Assert.True(IsTrue(app.Property("httpsOnly")), "httpsOnly must be true");
        Assert.Equal("Disabled", app.Property("siteConfig", "ftpsState")?.GetString());
        Assert.Equal(["ftp", "scm"], policies.Keys.Order(StringComparer.Ordinal));
        Assert.All(policies.Values, policy => Assert.True(IsFalse(policy.Property("allow")), $"{policy.Id}: allow must be false"));
    }

    [Fact]
    public void Snapshot_FunctionApp_RunsDotnetIsolated10WithIdentityBasedConnections()
    {
        var app = Assert.Single(fixture.WithThreeTeams.OfType("Microsoft.Web/sites"));
        var settings = Assert.Single(fixture.WithThreeTeams.OfType("Microsoft.Web/sites/config")).Json.GetProperty("properties");

        Assert.Equal("dotnet-isolated", app.Property("functionAppConfig", "runtime", "name")?.GetString());
        Assert.Equal("10.0", app.Property("functionAppConfig", "runtime", "version")?.GetString());
        Assert.Equal("UserAssignedIdentity", app.Property("functionAppConfig", "deployment", "storage", "authentication", "type")?.GetString());
        Assert.Equal("managedidentity", settings.GetProperty("AzureWebJobsStorage__credential").GetString());
        Assert.Equal("managedidentity", settings.GetProperty("Lake__credential").GetString());
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings.GetProperty("Strata__Pii__Key").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(settings.EnumerateObject(), setting =>
            setting.Name is "AzureWebJobsStorage" or "FUNCTIONS_WORKER_RUNTIME"
            || setting.Value.GetString()!.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsFalse(JsonElement? value) => value?.ValueKind == JsonValueKind.False;

    private static bool IsTrue(JsonElement? value) => value?.ValueKind == JsonValueKind.True;
}
