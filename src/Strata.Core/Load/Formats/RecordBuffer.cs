using System.Runtime.CompilerServices;

namespace Strata.Load.Formats;

/// <summary>
/// One record as a reader produced it: field values as UTF-8 slices of the reader's buffer (or of
/// a scratch buffer for unescaped text), the raw record text for quarantine, its line, and any
/// record-level problem. Valid until the reader is asked for the next record; nothing is copied for
/// the common case of a CSV field without escapes.
/// </summary>
internal sealed class RecordBuffer
{
    private FieldSlot[] _fields = new FieldSlot[32];
    private byte[] _source = [];
    private byte[] _scratch = new byte[1024];
    private int _scratchLength;
    private int _rawStart;
    private int _rawLength;
    private bool _rawInScratch;

    /// <summary>Where the record starts: the physical line (CSV, JSON), 1-based, or the row number (Parquet).</summary>
    public long Line { get; private set; }

    /// <summary>Fields held; for CSV the fields found, for JSON and Parquet the columns known when it was read.</summary>
    public int FieldCount { get; private set; }

    /// <summary>A problem with the record as a whole (field count, invalid UTF-8, malformed JSON): it is quarantined with this reason.</summary>
    public string? Error { get; private set; }

    /// <summary>The raw text of the record, for quarantine (may be invalid UTF-8).</summary>
    public ReadOnlySpan<byte> Raw => _rawInScratch ? _scratch.AsSpan(_rawStart, _rawLength) : _source.AsSpan(_rawStart, _rawLength);

    /// <summary>Starts a record whose fields point into <paramref name="source"/>.</summary>
    public void Begin(byte[] source, long line, int rawStart, int rawLength)
    {
        _source = source;
        Line = line;
        _rawStart = rawStart;
        _rawLength = rawLength;
        _rawInScratch = false;
        FieldCount = 0;
        Error = null;
        _scratchLength = 0;
    }

    /// <summary>Starts a record with <paramref name="fieldCount"/> fields, all null until set (JSON, Parquet).</summary>
    public void BeginKeyed(byte[] source, long line, int rawStart, int rawLength, int fieldCount)
    {
        Begin(source, line, rawStart, rawLength);
        EnsureFields(fieldCount);
        for (var i = 0; i < fieldCount; i++)
        {
            _fields[i] = new FieldSlot(0, 0, FieldFlags.Null);
        }

        FieldCount = fieldCount;
    }

    /// <summary>Sets where the raw text lies in the source buffer, once the record's end is known.</summary>
    public void SetRaw(int rawStart, int rawLength)
    {
        _rawStart = rawStart;
        _rawLength = rawLength;
        _rawInScratch = false;
    }

    /// <summary>Keeps a copy of the raw text in scratch (when the source bytes will not stay put).</summary>
    public void SetRawCopy(ReadOnlySpan<byte> raw)
    {
        _rawStart = AppendScratch(raw);
        _rawLength = raw.Length;
        _rawInScratch = true;
    }

    public void Fail(string reason) => Error ??= reason;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddField(int start, int length, FieldFlags flags)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = new FieldSlot(start, length, flags);
    }

    /// <summary>Sets field <paramref name="index"/> (growing the record when a new column appeared).</summary>
    public void SetField(int index, int start, int length, FieldFlags flags)
    {
        if (index >= FieldCount)
        {
            EnsureFields(index + 1);
            for (var i = FieldCount; i <= index; i++)
            {
                _fields[i] = new FieldSlot(0, 0, FieldFlags.Null);
            }

            FieldCount = index + 1;
        }

        _fields[index] = new FieldSlot(start, length, flags);
    }

    /// <summary>Copies bytes into scratch and returns their offset there (use with <see cref="FieldFlags.InScratch"/>).</summary>
    public int AppendScratch(ReadOnlySpan<byte> bytes)
    {
        var offset = ReserveScratch(bytes.Length);
        bytes.CopyTo(_scratch.AsSpan(offset));
        _scratchLength = offset + bytes.Length;
        return offset;
    }

    /// <summary>Makes room for <paramref name="maxBytes"/> in scratch; write into <see cref="ScratchSpan"/> then <see cref="CommitScratch"/>.</summary>
    public int ReserveScratch(int maxBytes)
    {
        if (_scratchLength + maxBytes > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + maxBytes));
        }

        return _scratchLength;
    }

    public Span<byte> ScratchSpan(int offset, int length) => _scratch.AsSpan(offset, length);

    public void CommitScratch(int offset, int length) => _scratchLength = offset + length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int index) => index >= FieldCount || (_fields[index].Flags & FieldFlags.Null) != 0;

    public bool IsNested(int index) => index < FieldCount && (_fields[index].Flags & FieldFlags.Nested) != 0;

    /// <summary>The field's UTF-8 text; empty for a null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Value(int index)
    {
        if (index >= FieldCount)
        {
            return default;
        }

        var slot = _fields[index];
        return (slot.Flags & FieldFlags.InScratch) != 0
            ? _scratch.AsSpan(slot.Start, slot.Length)
            : _source.AsSpan(slot.Start, slot.Length);
    }

    private void EnsureFields(int count)
    {
        if (_fields.Length < count)
        {
            Array.Resize(ref _fields, Math.Max(count, _fields.Length * 2));
        }
    }

    private readonly record struct FieldSlot(int Start, int Length, FieldFlags Flags);
}
