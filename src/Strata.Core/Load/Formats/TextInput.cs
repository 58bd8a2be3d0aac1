using System.Text;

namespace Strata.Load.Formats;

/// <summary>
/// Makes a text file readable by the UTF-8 readers, decided from a sample of its start:
/// <list type="bullet">
/// <item>UTF-16 or UTF-32 with a byte-order mark is transcoded to UTF-8 as it is read.</item>
/// <item>UTF-16 without a byte-order mark (every other byte NUL) cannot be told from binary data
/// safely, so the file is refused with a message that names the encoding and what to do.</item>
/// <item>Lines ending with a lone CR (no LF in the sample) are read as LF line breaks.</item>
/// </list>
/// </summary>
internal static class TextInput
{
    /// <summary>How much of the start of a file is sampled: enough to find a line break after a wide header.</summary>
    public const int SampleBytes = 64 * 1024;

    /// <summary>The sample as UTF-8 (transcoded when the file has a UTF-16/32 byte-order mark).</summary>
    public static byte[] Utf8Sample(byte[] sample) => EncodingOf(sample) is { } encoding
        ? Encoding.UTF8.GetBytes(encoding.GetString(sample))
        : sample;

    /// <summary>Wraps <paramref name="data"/> so that it reads as UTF-8 with LF or CRLF line breaks.</summary>
    /// <exception cref="FileFormatException">UTF-16 text without a byte-order mark.</exception>
    public static Stream Prepare(Stream data, byte[] sample)
    {
        var encoding = EncodingOf(sample);
        if (encoding is null && LooksLikeUtf16(sample))
        {
            throw new FileFormatException("the file looks like UTF-16 text without a byte-order mark (every other byte is NUL); save it as UTF-8, or as UTF-16 with a byte-order mark, which load reads");
        }

        if (encoding is not null)
        {
            data = Encoding.CreateTranscodingStream(data, encoding, Encoding.UTF8, leaveOpen: false);
        }

        var text = Utf8Sample(sample).AsSpan();
        return text.Contains((byte)'\r') && !text.Contains((byte)'\n') ? new CrLineEndStream(data) : data;
    }

    /// <summary>The encoding a byte-order mark names, other than UTF-8 (which the readers drop themselves); null without one.</summary>
    private static Encoding? EncodingOf(ReadOnlySpan<byte> sample) => sample switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    /// <summary>ASCII text in UTF-16: in the first bytes, nearly every byte at one parity is NUL and almost none at the other.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample)
    {
        var span = sample[..(Math.Min(sample.Length, 512) & ~1)];
        if (span.Length < 4 || !span.Contains((byte)0))
        {
            return false;
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < span.Length; i += 2)
        {
            evenNuls += span[i] == 0 ? 1 : 0;
            oddNuls += span[i + 1] == 0 ? 1 : 0;
        }

        var pairs = span.Length / 2;
        return (oddNuls * 10 >= pairs * 9 && evenNuls * 10 < pairs) || (evenNuls * 10 >= pairs * 9 && oddNuls * 10 < pairs);
    }
}
