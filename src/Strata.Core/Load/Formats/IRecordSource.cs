using Strata.Definitions;

namespace Strata.Load.Formats;

/// <summary>
/// Reads the records of one raw file. Pull-based in two steps so the per-record path stays
/// synchronous: call <see cref="TryRead"/> until it returns false, then <see cref="FillAsync"/> to
/// read more of the file; stop when that returns false. File-level problems throw
/// <see cref="FileFormatException"/>; record-level problems are reported on the record.
/// </summary>
internal interface IRecordSource : IAsyncDisposable
{
    /// <summary>The columns met so far.</summary>
    ColumnTable Columns { get; }

    /// <summary>True when every column is known once the reader is open (CSV header, Parquet schema); false for JSON.</summary>
    bool ColumnsKnownUpfront { get; }

    /// <summary>The column's type in the file itself (Parquet input), or null when its values are text to infer.</summary>
    (ColumnType Type, int Scale)? NativeType(int column);

    /// <summary>Fills <paramref name="record"/> with the next record held in memory; false when more must be read first.</summary>
    bool TryRead(RecordBuffer record);

    /// <summary>Reads more of the file; false at the end of the data.</summary>
    ValueTask<bool> FillAsync(CancellationToken cancellationToken);
}
