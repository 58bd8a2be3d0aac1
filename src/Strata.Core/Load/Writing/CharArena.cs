using System.Text;

namespace Strata.Load.Writing;

/// <summary>
/// Holds the decoded text of one partition's buffered string values in chunks, so a string value
/// costs a slice, not an object; Parquet.Net writes <see cref="ReadOnlyMemory{T}"/> of char
/// directly from these slices. Chunks go back to the parse's <see cref="ChunkPool"/> after each
/// row group and are reused without clearing.
/// </summary>
internal sealed class CharArena(BufferBudget budget, ChunkPool pool)
{
    private readonly List<char[]> _chunks = [];
    private char[]? _current;
    private int _used;

    public long AllocatedBytes { get; private set; }

    /// <summary>Decodes valid UTF-8 into the arena.</summary>
    public ReadOnlyMemory<char> Append(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        // UTF-16 never needs more chars than UTF-8 has bytes.
        if (_current is null || _current.Length - _used < utf8.Length)
        {
            NewChunk(utf8.Length);
        }

        var written = Encoding.UTF8.GetChars(utf8, _current.AsSpan(_used));
        var memory = new ReadOnlyMemory<char>(_current, _used, written);
        _used += written;
        return memory;
    }

    /// <summary>Room for <paramref name="chars"/> characters the caller writes itself (a token).</summary>
    public Memory<char> Reserve(int chars)
    {
        if (_current is null || _current.Length - _used < chars)
        {
            NewChunk(chars);
        }

        var memory = new Memory<char>(_current, _used, chars);
        _used += chars;
        return memory;
    }

    public void Clear()
    {
        foreach (var chunk in _chunks)
        {
            pool.Return(chunk);
        }

        _chunks.Clear();
        _current = null;
        _used = 0;
        budget.AddStringBytes(-AllocatedBytes);
        AllocatedBytes = 0;
    }

    private void NewChunk(int atLeast)
    {
        _current = pool.Rent(atLeast);
        _chunks.Add(_current);
        _used = 0;
        AllocatedBytes += _current.Length * 2L;
        budget.AddStringBytes(_current.Length * 2L);
    }
}
