using Azure;
using Strata.Cli.Output;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>Storage errors reach a person as one line naming the storage, what it answered and what to do — never as the client's dump.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageErrorTests(AzuriteFixture azurite) : IDisposable
{
    private readonly CliWorkspace _workspace = new CliWorkspace(azurite).Pipeline("shop", EventsPipeline.Yaml, EventsPipeline.Sql);

    [Fact]
    public async Task AWrongAccountKey_Exits3_NamingTheStorageAndTheRefusal()
    {
        var wrongKey = azurite.ConnectionString.Replace("AccountKey=Eby8", "AccountKey=Xby8", StringComparison.Ordinal);

        var result = await _workspace.RunAsync(new Dictionary<string, string?> { ["Strata__Storage__ConnectionString"] = wrongKey }, "status");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("storage: could not prepare the lake at http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("403", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
        Assert.True(result.Stderr.Trim().Split('\n').Length <= 2, result.ToString());
    }

    [Fact]
    public async Task ANothingListeningEndpoint_Exits3_NamingTheEndpoint()
    {
        var port = ServeTests.FreePort();
        var nowhere = azurite.ConnectionString.Split(';').Select(p => p.StartsWith("BlobEndpoint=", StringComparison.Ordinal) || p.StartsWith("TableEndpoint=", StringComparison.Ordinal)
            ? $"{p.Split('=')[0]}=http://127.0.0.1:{port}/devstoreaccount1" : p);

        var result = await _workspace.RunAsync(new Dictionary<string, string?> { ["Strata__Storage__ConnectionString"] = string.Join(';', nowhere) }, "status");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
    }

    [Fact]
    public void AStorageErrorDump_IsCutToItsFirstLineStatusAndCode()
    {
        var dump = "Service request failed.\nStatus: 500 (Internal Server Error)\nErrorCode: InternalError\n\nContent:\n<xml/>\n\nHeaders:\nServer: Azurite\nDate: now";

        Assert.Equal("Service request failed. (Status: 500 (Internal Server Error), ErrorCode: InternalError)", StorageErrors.Shorten(dump));
        Assert.Equal("plain message", StorageErrors.Shorten("plain message"));
    }

    [Fact]
    public void ARefusedRequest_IsDescribedWithWhatToDo()
    {
        var refused = new RequestFailedException(403, "This request is not authorized.\nStatus: 403\nErrorCode: AuthorizationPermissionMismatch", "AuthorizationPermissionMismatch", null);

        var text = StorageErrors.Describe(refused, "https://lake.blob.core.windows.net/");

        Assert.Equal("https://lake.blob.core.windows.net/ refused a request (403 AuthorizationPermissionMismatch: This request is not authorized.); " +
            "check the credentials: the connection string's key, or that this identity has the Storage Blob Data Contributor and Storage Table Data Contributor roles on the account", text);
    }

    public void Dispose() => _workspace.Dispose();
}
