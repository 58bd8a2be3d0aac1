using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Load.Temporal;

namespace Strata.Load.Writing;

/// <summary>What the source definition says about one column of the file, and what pass 1 learnt of its values.</summary>
internal sealed class ColumnRule
{
    public ColumnRule(int source, string name)
    {
        Source = source;
        Name = name;
    }

    /// <summary>Index in the reader's <see cref="Formats.ColumnTable"/>.</summary>
    public int Source { get; }

    public string Name { get; }

    public ColumnHint? Hint { get; init; }

    public PiiRule? Pii { get; init; }

    /// <summary>PII drop: not read, not checked, not written.</summary>
    public bool Dropped => Pii?.Action == PiiAction.Drop;

    /// <summary>Strict drift and no hint: any non-empty value quarantines its row.</summary>
    public bool Undeclared { get; init; }

    /// <summary>A type the values must have: declared by a hint, or the Parquet input's own.</summary>
    public (ColumnType Type, int Scale)? Fixed { get; init; }

    public bool Required => Hint?.Required == true;

    /// <summary>The text format of a date or timestamp column: declared, or chosen by pass 1 for the second reading; null for ISO 8601.</summary>
    public TemporalFormat? Format { get; init; }

    /// <summary>For a date, timestamp or partition column read as ISO 8601: pass 1's count of ISO values against a sniffed format.</summary>
    public FormatChoice? Choice { get; init; }

    /// <summary>The join of the values seen in pass 1 (for a declared decimal: the digits it needs).</summary>
    public ColumnInference Inference;
}
