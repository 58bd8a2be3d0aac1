namespace Strata.Load.Formats;

/// <summary>How a field of a <see cref="RecordBuffer"/> is stored.</summary>
[Flags]
internal enum FieldFlags : byte
{
    None = 0,

    /// <summary>No value: an unquoted empty CSV field, a JSON null, a key the object lacks.</summary>
    Null = 1,

    /// <summary>The bytes live in the record's scratch buffer (unescaped or formatted), not in the source buffer.</summary>
    InScratch = 2,

    /// <summary>A nested JSON object or array kept as its JSON text: only a string column can hold it.</summary>
    Nested = 4,
}
