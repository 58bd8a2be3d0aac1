using System.Numerics;
using System.Runtime.InteropServices;

namespace Strata.Quality.Profiles;

/// <summary>
/// 64-bit hashes of typed values for <see cref="DistinctSketch"/>: the same in every process (a
/// sketch made by one activity merges with another's), a multiply-rotate over 8-byte blocks
/// finished by MurmurHash3's 64-bit mix, so every input bit reaches the register index and rank.
/// Not for security: nothing here sees an adversary's choice of collisions as a problem.
/// </summary>
internal static class ValueHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15;

    public static ulong Of(long value) => Mix((ulong)value ^ Seed);

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = Seed ^ (ulong)text.Length;
        var blocks = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var block in blocks)
        {
            h = BitOperations.RotateLeft((h ^ block) * 0xff51afd7ed558ccd, 31);
        }

        for (var i = blocks.Length * 4; i < text.Length; i++)
        {
            h = BitOperations.RotateLeft((h ^ text[i]) * 0xc4ceb9fe1a85ec53, 17);
        }

        return Mix(h);
    }

    /// <summary>MurmurHash3's fmix64.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccd;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53;
        x ^= x >> 33;
        return x;
    }
}
