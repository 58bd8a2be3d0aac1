using Strata.Definitions;
using Strata.Load.Pii;
using Strata.Parquet;

namespace Strata.Load.Writing;

/// <summary>
/// The raw values of one tokenised column of a row group, kept until the row group is written.
/// Tokenising is a cache lookup that misses memory, or an HMAC: doing it on the background
/// writer, just before encoding, takes it off the parsing thread. The vector holds placeholders
/// until <see cref="Resolve"/> fills in the tokens.
/// </summary>
internal sealed class PendingTokens(PiiNormalise normalise, BufferBudget budget)
{
    private byte[] _bytes = new byte[16 * 1024];
    private int _used;
    private int[] _valueIndex = new int[1024];
    private int[] _offset = new int[1024];
    private int _count;
    private Memory<char>[] _tokens = [];

    public long AllocatedBytes => _bytes.Length + (_valueIndex.Length * 8L);

    /// <summary>Remembers the raw value of vector value <paramref name="valueIndex"/>.</summary>
    public void Add(int valueIndex, ReadOnlySpan<byte> raw)
    {
        if (_count == _valueIndex.Length)
        {
            var before = AllocatedBytes;
            Array.Resize(ref _valueIndex, _count * 2);
            Array.Resize(ref _offset, _count * 2);
            budget.AddStringBytes(AllocatedBytes - before);
        }

        if (_used + raw.Length > _bytes.Length)
        {
            var before = AllocatedBytes;
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + raw.Length));
            budget.AddStringBytes(AllocatedBytes - before);
        }

        raw.CopyTo(_bytes.AsSpan(_used));
        _valueIndex[_count] = valueIndex;
        _offset[_count] = _used;
        _used += raw.Length;
        _count++;
    }

    /// <summary>Writes every token into <paramref name="arena"/> and sets it in <paramref name="vector"/>.</summary>
    public void Resolve(TokenSession session, ColumnVector<ReadOnlyMemory<char>> vector, CharArena arena)
    {
        if (_tokens.Length < _count)
        {
            _tokens = new Memory<char>[_valueIndex.Length];
        }

        for (var i = 0; i < _count; i++)
        {
            _tokens[i] = arena.Reserve(PiiTokenizer.TokenLength);
            vector.Set(_valueIndex[i], _tokens[i]);
        }

        session.WriteTokens(_count, Raw, normalise, i => _tokens[i]);
    }

    private ReadOnlyMemory<byte> Raw(int i)
    {
        var end = i + 1 < _count ? _offset[i + 1] : _used;
        return _bytes.AsMemory(_offset[i], end - _offset[i]);
    }

    public void Clear()
    {
        _used = 0;
        _count = 0;
    }

    /// <summary>Counts the initial buffers against the budget (call once).</summary>
    public PendingTokens Reserve()
    {
        budget.AddStringBytes(AllocatedBytes);
        return this;
    }

    public void Release() => budget.AddStringBytes(-AllocatedBytes);
}
