namespace Strata.Storage;

/// <summary>
/// Where the lake lives. Bound from <c>Strata:Storage</c> (<c>Strata__Storage__...</c> in the
/// environment). Give either a connection string (Azurite, or a dev account) or the two service
/// URIs, which are used with <c>DefaultAzureCredential</c> (managed identity in Azure; no keys).
/// When none is set, the CLI starts an embedded Azurite instead.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Strata:Storage";

    /// <summary>A storage connection string. Default: none. Meant for Azurite; in Azure use the URIs so no key is ever handled.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint of the lake account (<c>https://&lt;account&gt;.blob.core.windows.net</c>). Default: none.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table endpoint of the lake account (<c>https://&lt;account&gt;.table.core.windows.net</c>). Default: none.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity for <c>DefaultAzureCredential</c>. Default: none (system identity or developer login).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// A prefix for every container and table name, so several lakes can share one account (each
    /// test, or each developer on a shared dev account). Lower-case letters and digits, at most 10.
    /// Default: none — the names infra/ provisions.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// How long the lake may answer nothing before a command gives up (the CLI then exits with code
    /// 3, naming the endpoint). Every retry layer — the storage clients' own retries, each request's
    /// <see cref="NetworkTimeout"/>, the local host's activity retries — stops once storage has been
    /// unreachable this long, so a run against a stopped emulator or a lost network ends in about
    /// this time instead of retrying for many minutes. Default 90 s: rides out a restart of the
    /// emulator or a short network blip. Any answer from storage, even an error, resets it.
    /// </summary>
    public TimeSpan UnreachableTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long one storage request may take before it is abandoned and retried. Default 30 s:
    /// uploads go in blocks of at most 8 MiB, so a request that takes longer is hung (an emulator
    /// stopping keeps connections open without answering), not slow.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when some storage is configured; false means "start the embedded Azurite".</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || (BlobServiceUri is not null && TableServiceUri is not null);

    /// <summary>What is wrong with <see cref="Namespace"/>, or null.</summary>
    public string? NamespaceProblem() =>
        !string.IsNullOrEmpty(Namespace) && (Namespace.Length > 10 || !Namespace.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) || !char.IsAsciiLetterLower(Namespace[0]))
            ? $"is '{Namespace}'; it must be 1-10 lower-case letters or digits, starting with a letter"
            : null;

    /// <summary>Throws a clear error when the settings are half given.</summary>
    public void Validate()
    {
        if (NamespaceProblem() is { } problem)
        {
            throw new StorageUnavailableException($"Strata__Storage__Namespace {problem}");
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return;
        }

        if ((BlobServiceUri is null) != (TableServiceUri is null))
        {
            throw new StorageUnavailableException(
                "Strata:Storage needs both BlobServiceUri and TableServiceUri (or a ConnectionString); only one of the two URIs is set");
        }
    }
}
