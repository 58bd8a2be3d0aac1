using System.Numerics;

namespace Strata.Load.Schema;

/// <summary>The correctly rounded path for plain decimals beyond Clinger's fast path (see <see cref="TryParseSimpleDouble"/>).</summary>
internal static partial class ValueParser
{
    private const int MaxEiselLemireScale = 22;

    /// <summary>
    /// Per scale s (0 to 22): 5^-s as a 128-bit significand with its top bit set, rounded up (the
    /// table of fast_float, built here with exact integers instead of being pasted in).
    /// </summary>
    private static readonly (ulong High, ulong Low)[] s_inversePow5 = BuildInversePowersOfFive();

    /// <summary>
    /// Eisel and Lemire's algorithm for <paramref name="mantissa"/> × 10^-<paramref name="scale"/>
    /// (a double printed in full has 17 significant digits, beyond 2^53, which the runtime parser
    /// took at several times the cost). The mantissa has at most 18 digits, so it is exact, and
    /// the 128-bit product always decides the rounding for such inputs (Mushtak and Lemire, "Fast
    /// number parsing without fallback", 2023); the result is the double the runtime parser gives,
    /// which tests check on random values. Returns false only outside what it is written for.
    /// </summary>
    private static bool TryParseEiselLemire(ulong mantissa, int scale, bool negative, out double value)
    {
        value = 0;
        if (mantissa == 0 || (uint)scale > MaxEiselLemireScale)
        {
            return false;
        }

        var q = -scale;
        var leadingZeros = BitOperations.LeadingZeroCount(mantissa);
        var w = mantissa << leadingZeros;
        var (powerHigh, powerLow) = s_inversePow5[scale];
        var high = Math.BigMul(w, powerHigh, out var low);
        const ulong PrecisionMask = ulong.MaxValue >> 55; // 52 explicit bits + 3
        if ((high & PrecisionMask) == PrecisionMask)
        {
            var secondHigh = Math.BigMul(w, powerLow, out _);
            low += secondHigh;
            if (secondHigh > low)
            {
                high++;
            }
        }

        var upperBit = (int)(high >> 63);
        var shift = upperBit + 9;
        var bits = high >> shift;
        var power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023;
        if (power2 <= 0 || power2 >= 0x7FF)
        {
            return false; // subnormal or infinite: not reachable from 18 digits and scale <= 22, but not this code's to decide
        }

        // Exactly halfway between two doubles: round to even instead of up (possible only for small scales).
        if (low <= 1 && q >= -4 && (bits & 3) == 1 && (bits << shift) == high)
        {
            bits &= ~1UL;
        }

        bits += bits & 1;
        bits >>= 1;
        if (bits >= 2UL << 52)
        {
            bits = 1UL << 52;
            power2++;
        }

        bits &= ~(1UL << 52);
        var raw = bits | ((ulong)power2 << 52) | (negative ? 1UL << 63 : 0);
        value = BitConverter.UInt64BitsToDouble(raw);
        return true;
    }

    private static (ulong High, ulong Low)[] BuildInversePowersOfFive()
    {
        var table = new (ulong, ulong)[MaxEiselLemireScale + 1];
        var mask = (BigInteger.One << 64) - 1;
        table[0] = (1UL << 63, 0); // 5^0 with its top bit set
        for (var s = 1; s <= MaxEiselLemireScale; s++)
        {
            // fast_float: z = bits of 5^s (smallest z with 2^z >= 5^s), c = floor(2^(z + 127) / 5^s) + 1.
            var power5 = BigInteger.Pow(5, s);
            var z = 0;
            while ((BigInteger.One << z) < power5)
            {
                z++;
            }

            var c = (BigInteger.One << (z + 127)) / power5 + 1;
            table[s] = ((ulong)(c >> 64), (ulong)(c & mask));
        }

        return table;
    }
}
