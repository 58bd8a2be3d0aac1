using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Strata.Security;

/// <summary>
/// The loaded tokenisation key and its public id. The id (a truncated HMAC of a constant) goes
/// into load-spec fingerprints so rotating the key re-tokenises, without the key itself ever
/// leaving this type.
/// </summary>
public sealed class PiiKey
{
    private readonly Lazy<byte[]> _key;

    public PiiKey(IOptions<PiiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = new Lazy<byte[]>(() => Load(options.Value));
    }

    /// <summary>The key bytes. Throws when no key is configured and a source needs one.</summary>
    public ReadOnlySpan<byte> Bytes => _key.Value;

    /// <summary>A short public id of the key: 16 hex characters.</summary>
    public string KeyId => IdOf(_key.Value);

    public static string IdOf(ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("strata-pii-key-id")))[..16];

    /// <summary>Creates a new random key file (base64) if it does not exist; the demo's key.</summary>
    public static void EnsureKeyFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private static byte[] Load(PiiOptions options)
    {
        var text = options.Key;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(options.KeyFile))
        {
            text = File.Exists(options.KeyFile)
                ? File.ReadAllText(options.KeyFile)
                : throw new PiiKeyException($"the PII key file '{options.KeyFile}' (Strata:Pii:KeyFile) does not exist");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PiiKeyException("a source tokenises PII but no key is configured: set Strata__Pii__Key (base64, 32+ bytes; a Key Vault reference in Azure) or Strata__Pii__KeyFile");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException e)
        {
            throw new PiiKeyException("the PII key (Strata:Pii:Key) is not valid base64", e);
        }

        return key.Length >= 32 ? key : throw new PiiKeyException($"the PII key must be at least 32 bytes; it is {key.Length}");
    }
}
