using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Strata.Definitions;

namespace Strata.Load.Pii;

/// <summary>
/// Turns personal data into tokens: <c>tok_</c> + base64url (no padding) of
/// HMAC-SHA256(key, normalised UTF-8 value). Deterministic, so equal values give equal tokens and
/// joins on a tokenised column still work; without the key a token cannot be reversed or
/// recomputed from a guessed value. Thread-safe; a parse takes a <see cref="TokenSession"/> for speed.
/// </summary>
public sealed class PiiTokenizer
{
    /// <summary>Characters in every token: 4 for the prefix, 43 for 32 bytes of base64url.</summary>
    public const int TokenLength = 47;

    private readonly byte[] _key;

    /// <param name="key">The HMAC key (32 bytes or more recommended). Copied.</param>
    public PiiTokenizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("the PII key is empty", nameof(key));
        }

        _key = [.. key];
        KeyId = Convert.ToHexStringLower(HMACSHA256.HashData(_key, "strata-pii-key-id"u8))[..16];
    }

    /// <summary>
    /// A public id of the key: the first 8 bytes (16 hex digits) of HMAC-SHA256(key, "strata-pii-key-id").
    /// Goes into load-spec fingerprints so a new key re-tokenises; reveals nothing about the key.
    /// </summary>
    public string KeyId { get; }

    /// <summary>The token of <paramref name="value"/>; null stays null.</summary>
    public string? Tokenise(string? value, PiiNormalise normalise)
    {
        if (value is null)
        {
            return null;
        }

        var normalised = Normalise(value, normalise);
        Span<char> token = stackalloc char[TokenLength];
        WriteToken(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalised)), token);
        return new string(token);
    }

    /// <summary>A single-threaded tokeniser with a reusable HMAC and a cache of recent tokens.</summary>
    internal TokenSession CreateSession(int cacheEntries) => new(_key, cacheEntries);

    internal static string Normalise(string value, PiiNormalise normalise) =>
        normalise == PiiNormalise.TrimLower ? value.Trim().ToLowerInvariant() : value;

    internal static void WriteToken(ReadOnlySpan<byte> mac, Span<char> destination)
    {
        "tok_".CopyTo(destination);
        Base64Url.EncodeToChars(mac, destination[4..]);
    }
}
