namespace Strata.Security;

/// <summary>
/// The PII tokenisation key. Bound from <c>Strata:Pii</c>. In Azure <see cref="Key"/> is a Key
/// Vault reference app setting (<c>@Microsoft.KeyVault(...)</c>), resolved by the platform; the
/// local demo generates a random key file under <c>.strata/</c>.
/// </summary>
public sealed class PiiOptions
{
    public const string Section = "Strata:Pii";

    /// <summary>The key, base64 (at least 32 bytes). Default: none.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the base64 key, used when <see cref="Key"/> is not set. Default: none.</summary>
    public string? KeyFile { get; set; }
}
