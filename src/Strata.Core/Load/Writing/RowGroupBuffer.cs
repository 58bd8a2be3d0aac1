using Strata.Definitions;
using Strata.Load.Pii;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Load.Writing;

/// <summary>
/// One row group's worth of buffered rows: a vector per output column and the text arena their
/// strings live in, allocated once at a fixed row capacity. A partition fills one while the
/// previous one is being written in the background, then they swap.
/// </summary>
internal sealed class RowGroupBuffer
{
    private readonly BufferBudget _budget;

    /// <param name="schema">The output schema.</param>
    /// <param name="tokenise">Per output column, its normalisation when it is tokenised.</param>
    /// <param name="capacity">Rows it holds.</param>
    /// <param name="budget">Where its memory is counted.</param>
    /// <param name="chunks">Where its text chunks come from.</param>
    public RowGroupBuffer(SourceSchema schema, IReadOnlyList<PiiNormalise?> tokenise, int capacity, BufferBudget budget, ChunkPool chunks)
    {
        _budget = budget;
        Capacity = capacity;
        Limit = capacity;
        Columns = [.. schema.Columns.Select(c => ParquetColumns.CreateVector(c.Type, capacity))];
        Tokens = [.. tokenise.Select(t => t is { } normalise ? new PendingTokens(normalise, budget).Reserve() : null)];
        Arena = new CharArena(budget, chunks);
        Cells = (long)capacity * Columns.Length;
        budget.AddCells(Cells);
    }

    public int Capacity { get; }

    public ColumnVector[] Columns { get; }

    public CharArena Arena { get; }

    /// <summary>Per output column, the raw values still to tokenise (null for other columns).</summary>
    public PendingTokens?[] Tokens { get; }

    public int Rows { get; private set; }

    /// <summary>Rows at which it counts as full: the capacity, or less for a partition's first row group (see <see cref="FragmentWriterSet"/>).</summary>
    public int Limit { get; set; }

    public bool IsFull => Rows >= Limit;

    /// <summary>Cells this buffer holds against the budget.</summary>
    public long Cells { get; }

    public void CountRow() => Rows++;

    /// <summary>Counts <paramref name="rows"/> rows whose values were appended to every column at once.</summary>
    public void CountRows(int rows) => Rows += rows;

    /// <summary>Tokenises the pending raw values (on the writer, just before encoding).</summary>
    public void ResolveTokens(TokenSession session)
    {
        for (var i = 0; i < Tokens.Length; i++)
        {
            Tokens[i]?.Resolve(session, (ColumnVector<ReadOnlyMemory<char>>)Columns[i], Arena);
        }
    }

    /// <summary>Empties it for reuse, text chunks back to the pool.</summary>
    public void Clear()
    {
        foreach (var column in Columns)
        {
            column.Clear();
        }

        foreach (var tokens in Tokens)
        {
            tokens?.Clear();
        }

        Arena.Clear();
        Rows = 0;
        Limit = Capacity;
    }

    /// <summary>Gives its memory back to the budget; the buffer is not used again.</summary>
    public void Release()
    {
        Clear();
        foreach (var column in Columns)
        {
            column.Dispose();
        }

        foreach (var tokens in Tokens)
        {
            tokens?.Release();
        }

        _budget.AddCells(-Cells);
    }
}
