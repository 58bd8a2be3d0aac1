using System.Buffers.Binary;
using System.IO.Hashing;

namespace Strata.Parquet;

/// <summary>
/// The output hash of a set of rows: the sum (mod 2^128) of each row's XxHash128, combined with the
/// row count. A sum does not depend on row order or on how rows are split into row groups or files,
/// and two partial hashes of disjoint row sets add up to the hash of their union.
/// </summary>
internal struct RowSetHash
{
    /// <summary>Bumped if the canonical row form ever changes, so old and new hashes never collide.</summary>
    private const ulong FormatSeed = 0x5354524154410001; // "STRATA" v1

    public UInt128 Sum { get; private set; }

    public long Count { get; private set; }

    public void AddRow(ReadOnlySpan<byte> canonicalRow)
    {
        Sum += XxHash128.HashToUInt128(canonicalRow, (long)FormatSeed);
        Count++;
    }

    public void Add(RowSetHash other)
    {
        Sum += other.Sum;
        Count += other.Count;
    }

    /// <summary>32 lowercase hex digits.</summary>
    public readonly string ToHex()
    {
        Span<byte> state = stackalloc byte[24];
        BinaryPrimitives.WriteUInt128LittleEndian(state, Sum);
        BinaryPrimitives.WriteInt64LittleEndian(state[16..], Count);
        var combined = XxHash128.HashToUInt128(state, (long)FormatSeed);
        return combined.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
    }
}
