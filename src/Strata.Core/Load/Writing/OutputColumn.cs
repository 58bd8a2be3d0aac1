using Strata.Definitions;
using Strata.Load.Temporal;

namespace Strata.Load.Writing;

/// <summary>One column of the fragments, and where its values come from.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Type written (String for a tokenised column).</param>
/// <param name="Scale">Decimal scale.</param>
/// <param name="Source">Index in the reader's column table; -1 for a declared column the file lacks, or a column without values (all null).</param>
/// <param name="Required">Null or empty values quarantine the row.</param>
/// <param name="Validate">For a tokenised column with a declared type: the type its values must parse as before tokenising.</param>
/// <param name="Tokenise">The normalisation of a tokenised column; null for plain columns.</param>
/// <param name="Inferred">The type came from inference, so every value of a good row converts.</param>
internal sealed record OutputColumn(string Name, ColumnType Type, int Scale, int Source, bool Required, ColumnType? Validate, PiiNormalise? Tokenise, bool Inferred)
{
    /// <summary>The text format of a date or timestamp column; null for ISO 8601.</summary>
    public TemporalFormat? Format { get; init; }

    /// <summary>The file had no value in this column: written as nulls, typed by a placeholder (see <see cref="Schema.SchemaColumn.NoValues"/>).</summary>
    public bool NoValues { get; init; }
}
