namespace Strata.Load.Formats;

/// <summary>
/// The file as a whole cannot be read as its format (truncated gzip, no header, not a JSON array,
/// not Parquet...). The parser turns it into <see cref="ParseOutcome.FileError"/> and a file-level
/// quarantine record; it never escapes <see cref="RawBlobParser.ParseAsync"/>.
/// </summary>
internal sealed class FileFormatException : Exception
{
    public FileFormatException(string message) : base(message)
    {
    }

    public FileFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    public FileFormatException()
    {
    }
}
