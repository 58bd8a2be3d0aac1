using System.Numerics;

namespace Strata.Quality.Profiles;

/// <summary>
/// A HyperLogLog distinct-count sketch of <see cref="Registers"/> one-byte registers (4 KB), fed
/// 64-bit value hashes (<see cref="ValueHash"/>). Its relative standard error is
/// <see cref="StandardError"/> (1.6 %); below 2.5 × registers distinct values it switches to linear
/// counting, which is near exact for the few values a partition's categorical columns hold.
/// Mergeable: the sketch of two row sets is the register-wise maximum of theirs, so fragment and
/// row-group sketches combine into the partition's without seeing a value again.
/// </summary>
public sealed class DistinctSketch
{
    /// <summary>Bits of the hash that choose the register.</summary>
    public const int Precision = 12;

    public const int Registers = 1 << Precision;

    private readonly byte[] _registers = new byte[Registers];

    /// <summary>1.04 / √registers: the estimate is within this share of the truth two times in three, within three times it almost always.</summary>
    public static double StandardError { get; } = 1.04 / Math.Sqrt(Registers);

    public void Add(ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        // The sentinel bit caps the rank at 64 − precision + 1 when the remaining bits are all zero.
        var rank = (byte)(BitOperations.LeadingZeroCount((hash << Precision) | (1UL << (Precision - 1))) + 1);
        if (rank > _registers[index])
        {
            _registers[index] = rank;
        }
    }

    /// <summary>Adds everything <paramref name="other"/> has seen.</summary>
    public void Merge(DistinctSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Registers; i++)
        {
            _registers[i] = Math.Max(_registers[i], other._registers[i]);
        }
    }

    /// <summary>The estimated number of distinct values added.</summary>
    public long Estimate()
    {
        double sum = 0;
        var zeros = 0;
        foreach (var r in _registers)
        {
            sum += Math.ScaleB(1.0, -r);
            zeros += r == 0 ? 1 : 0;
        }

        const double m = Registers;
        var estimate = 0.7213 / (1 + (1.079 / m)) * m * m / sum;
        if (estimate <= 2.5 * m && zeros > 0)
        {
            estimate = m * Math.Log(m / zeros);
        }

        return (long)Math.Round(estimate);
    }
}
