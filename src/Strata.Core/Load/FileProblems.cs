using Strata.Load.Formats;
using Strata.Storage;

namespace Strata.Load;

/// <summary>Whole-file problems pass 1 finds, and messages that say what is wrong and what to do.</summary>
internal static class FileProblems
{
    /// <summary>The partition column is not in a file whose columns are all known (CSV header, Parquet schema).</summary>
    public static string MissingPartitionColumn(string column, IReadOnlyList<string> names)
    {
        var message = $"the partition column '{BoundedText.Name(column)}' is not in the file (its columns: {BoundedText.Names(names)})";
        var near = names.FirstOrDefault(n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
        return near is not null
            ? $"{message}; '{BoundedText.Name(near)}' differs only in case, and names are case-sensitive: rename it in the file or set partition.column to '{BoundedText.Name(near)}'"
            : $"{message}; add the column to the file, or set partition.column to the column that holds each row's time";
    }

    /// <summary>
    /// Counts records the reader itself could not read (invalid JSON, not an object). When a JSON
    /// file has records and none of them could be read, it is not JSON lines at all — typically one
    /// pretty-printed object, or another kind of file — and is quarantined as a file, not line by line.
    /// </summary>
    public sealed class UnreadableRecords(bool json)
    {
        private long _unreadable;
        private long _firstLine;
        private string? _firstError;
        private string? _firstText;

        public long Records { get; private set; }

        public void Count(RecordBuffer record)
        {
            Records++;
            if (!json || record.Error is null)
            {
                return;
            }

            if (_unreadable++ == 0)
            {
                _firstLine = record.Line;
                _firstError = record.Error;
                _firstText = System.Text.Encoding.UTF8.GetString(record.Raw).Trim();
            }
        }

        public void ThrowIfAll()
        {
            if (!json || Records == 0 || _unreadable < Records)
            {
                return;
            }

            var hint = _firstText is "{" or "[" or "{}" || (_firstText?.EndsWith(',') ?? false)
                ? "it looks like pretty-printed JSON: write one complete object per line (JSON lines), or one JSON array with format: json"
                : "check that the file is JSON lines (one object per line) or a JSON array";
            throw new FileFormatException($"none of its {Records:N0} records is a JSON object (line {_firstLine}: {BoundedText.Name(_firstError ?? "")}); {hint}");
        }
    }
}
