using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Fingerprints;

/// <summary>
/// Builds an input fingerprint: SHA-256 over length-prefixed, labelled fields, so that
/// <c>("ab","c")</c> and <c>("a","bc")</c> never collide and adding a field changes every hash.
/// Callers add fields in a fixed order; sets must be sorted first.
/// </summary>
public sealed class FingerprintBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public FingerprintBuilder(string kind) => Add("kind", kind);

    /// <summary>Adds one labelled field.</summary>
    public FingerprintBuilder Add(string label, string? value)
    {
        Write(label);
        if (value is null)
        {
            Span<byte> none = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(none, -1);
            _hash.AppendData(none);
        }
        else
        {
            Write(value);
        }

        return this;
    }

    /// <summary>Adds a labelled list, in the order given.</summary>
    public FingerprintBuilder AddAll(string label, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values as IReadOnlyCollection<string> ?? values.ToList();
        Add(label, list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var value in list)
        {
            Write(value);
        }

        return this;
    }

    /// <summary>The fingerprint as 64 lowercase hex characters.</summary>
    public string Build() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    /// <summary>A short SHA-256 hex digest of a text (for names and keys, not for fingerprints).</summary>
    public static string ShortHash(string text, int hexChars = 16) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..hexChars];

    private void Write(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(bytes);
    }
}
