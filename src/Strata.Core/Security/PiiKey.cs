using System.Security.Cryptography;
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
    private readonly Lazy<string> _keyId;

    public PiiKey(IOptions<PiiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = new Lazy<byte[]>(() => Load(options.Value));
        _keyId = new Lazy<string>(() => Tokenizer().KeyId);
    }

    /// <summary>A short public id of the key (see <see cref="Load.Pii.PiiTokenizer.KeyId"/>).</summary>
    public string KeyId => _keyId.Value;

    /// <summary>A tokenizer over this key.</summary>
    public Load.Pii.PiiTokenizer Tokenizer() => new(_key.Value);

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
