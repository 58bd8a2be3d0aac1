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

    /// <summary>True when some storage is configured; false means "start the embedded Azurite".</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || (BlobServiceUri is not null && TableServiceUri is not null);

    /// <summary>Throws a clear error when the settings are half given.</summary>
    public void Validate()
    {
        if (!string.IsNullOrEmpty(Namespace) && (Namespace.Length > 10 || !Namespace.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) || !char.IsAsciiLetterLower(Namespace[0])))
        {
            throw new StorageUnavailableException($"Strata:Storage:Namespace '{Namespace}' must be 1-10 lower-case letters or digits, starting with a letter");
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
