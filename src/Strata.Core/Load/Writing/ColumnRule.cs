using Strata.Definitions;
using Strata.Load.Schema;

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

    /// <summary>The join of the values seen in pass 1 (for a declared decimal: the digits it needs).</summary>
    public ColumnInference Inference;
}
