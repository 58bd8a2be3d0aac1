using System.Globalization;
using Strata.Definitions;
using Strata.Load.Formats;
using Strata.Load.Schema;
using Strata.Load.Temporal;

namespace Strata.Load.Writing;

/// <summary>
/// The source definition applied to one file's columns: a <see cref="ColumnRule"/> per column
/// (hint, PII rule, strictness, fixed type), the partition column, and — after pass 1 — the output
/// columns and schema. Drift <see cref="DriftPolicy.Evolve"/>: the file's columns in file order,
/// typed by inference unless a hint fixes them. <see cref="DriftPolicy.Strict"/>: exactly the
/// declared columns in declaration order; a file column without a hint must be empty.
/// <para>
/// Dates and timestamps: a column with a declared <c>format:</c> reads with it. A declared date or
/// timestamp column without one, and the partition column, read ISO 8601 while pass 1 sniffs the
/// values ISO rejects (<see cref="FormatChoice"/>); when a sniffed format wins, the parser plans the
/// file again with <see cref="Resolved"/> formats fixed, so the partition of every row is known in
/// pass 1 whatever the format. An inferred column's format comes from inference.
/// </para>
/// </summary>
internal sealed class LoadPlan
{
    private readonly SourceDefinition _source;
    private readonly ColumnTable _table;
    private readonly Func<int, (ColumnType Type, int Scale)?> _nativeType;
    private readonly IReadOnlyDictionary<int, TemporalFormat>? _resolved;
    private readonly List<ColumnRule> _rules = [];
    private int _tableCount = -1;

    /// <param name="source">The source definition.</param>
    /// <param name="table">The reader's columns (the same table serves both passes).</param>
    /// <param name="nativeType">The reader's own type of a column (Parquet input), or null.</param>
    /// <param name="ingestDate">The partition value of ingest-date sources.</param>
    /// <param name="resolved">Formats an earlier pass 1 chose, by column index; null on the first.</param>
    public LoadPlan(SourceDefinition source, ColumnTable table, Func<int, (ColumnType Type, int Scale)?> nativeType, DateOnly ingestDate, IReadOnlyDictionary<int, TemporalFormat>? resolved = null)
    {
        _source = source;
        _table = table;
        _nativeType = nativeType;
        _resolved = resolved;
        var spec = source.Partition;
        if (spec.IngestDate)
        {
            FixedPartition = ingestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (spec.Column is null)
        {
            FixedPartition = PartitionKeySpec.SinglePartition;
        }

        Refresh();
    }

    public IReadOnlyList<ColumnRule> Rules => _rules;

    /// <summary>The partition value of every row, when it does not come from a column.</summary>
    public string? FixedPartition { get; }

    public string? PartitionColumn => FixedPartition is null ? _source.Partition.Column : null;

    /// <summary>Index of the partition column in the table; -1 when the file lacks it.</summary>
    public int PartitionSource { get; private set; } = -1;

    public Grain Grain => _source.Partition.Grain;

    public DateOrder DateOrder => _source.DateOrder;

    /// <summary>The partition column's text format (declared or resolved); null for ISO 8601.</summary>
    public TemporalFormat? PartitionFormat => PartitionSource >= 0 ? _rules[PartitionSource].Format : null;

    /// <summary>The partition column's format choice, when the partition check (not conversion) is what reads its values.</summary>
    public FormatChoice? PartitionChoice { get; private set; }

    /// <summary>True when this plan's formats were chosen by an earlier pass 1.</summary>
    public bool Resolved => _resolved is not null;

    /// <summary>Rules whose values must parse as a fixed type (pass 1 checks them).</summary>
    public ColumnRule[] FixedRules { get; private set; } = [];

    /// <summary>Rules typed by inference (pass 1 classifies them).</summary>
    public ColumnRule[] InferredRules { get; private set; } = [];

    /// <summary>Required rules typed by inference (pass 1 checks they are not empty).</summary>
    public ColumnRule[] RequiredInferredRules { get; private set; } = [];

    /// <summary>Strict drift: columns that must be empty.</summary>
    public ColumnRule[] UndeclaredRules { get; private set; } = [];

    /// <summary>Declared required columns the file does not have (every row fails).</summary>
    public string[] MissingRequired { get; private set; } = [];

    /// <summary>The columns written to the fragments.</summary>
    public OutputColumn[] Outputs { get; private set; } = [];

    /// <summary>The schema of the fragments (<see cref="Outputs"/>).</summary>
    public SourceSchema Schema { get; private set; } = SourceSchema.Empty;

    /// <summary>The file's schema for schema evolution: <see cref="Schema"/> plus its columns without values, marked <see cref="SchemaColumn.NoValues"/>.</summary>
    public SourceSchema FileSchema { get; private set; } = SourceSchema.Empty;

    /// <summary>Picks up columns a JSON reader met since the last call; cheap when there are none.</summary>
    public void Refresh()
    {
        if (_table.Count != _tableCount)
        {
            AddNewColumns(); // kept apart: its lambdas would otherwise allocate a closure on every call
        }
    }

    private void AddNewColumns()
    {
        var table = _table;

        for (var i = _rules.Count; i < table.Count; i++)
        {
            var name = table[i];
            var hint = _source.HintFor(name);
            var native = _nativeType(i);
            var format = hint?.Format is { } pattern ? TemporalFormat.Compile(pattern) : _resolved?.GetValueOrDefault(i);
            (ColumnType Type, int Scale)? fixedType = hint?.Type is { } declared ? (declared, 0)
                : native ?? (format is null ? null : (format.HasTime ? ColumnType.Timestamp : ColumnType.Date, 0));
            var pii = _source.PiiFor(name);
            var temporal = fixedType?.Type is ColumnType.Date or ColumnType.Timestamp;
            var sniffs = format is null && (native is null or { Type: ColumnType.String }) && pii is null && (temporal || name == PartitionColumn);
            var rule = new ColumnRule(i, name)
            {
                Hint = hint,
                Pii = pii,
                Undeclared = _source.Drift == DriftPolicy.Strict && hint is null,
                Fixed = fixedType,
                Format = format,
                Choice = sniffs ? new FormatChoice(_source.DateOrder, dateOnly: fixedType?.Type == ColumnType.Date) : null,
            };
            if (native is { } nativeType && hint?.Type is null)
            {
                rule.Inference = ColumnInference.Fixed(nativeType.Type, nativeType.Scale);
            }

            _rules.Add(rule);
        }

        _tableCount = table.Count;
        var live = _rules.Where(r => !r.Dropped && !r.Undeclared).ToArray();
        FixedRules = [.. live.Where(r => r.Fixed is not null)];
        InferredRules = [.. live.Where(r => r.Fixed is null)];
        RequiredInferredRules = [.. InferredRules.Where(r => r.Required)];
        UndeclaredRules = [.. _rules.Where(r => r.Undeclared && !r.Dropped)];
        MissingRequired = [.. _source.Schema.Where(h => h.Required && _source.PiiFor(h.Name)?.Action != PiiAction.Drop && table.IndexOf(h.Name) < 0).Select(h => h.Name)];
        PartitionSource = PartitionColumn is null ? -1 : table.IndexOf(PartitionColumn);
        PartitionChoice = PartitionSource >= 0 && _rules[PartitionSource].Fixed?.Type is not (ColumnType.Date or ColumnType.Timestamp) ? _rules[PartitionSource].Choice : null;
    }

    /// <summary>After pass 1: the sniffed formats that won over ISO 8601, by column index (empty when none did).</summary>
    public IReadOnlyDictionary<int, TemporalFormat> ResolvedFormats() =>
        _rules.Where(r => r.Choice?.Result is not null).ToDictionary(r => r.Source, r => r.Choice!.Result!);

    /// <summary>Fixes the output columns from what pass 1 learnt. Call once, after pass 1.</summary>
    public void Complete()
    {
        Refresh();
        var outputs = new List<OutputColumn>();
        if (_source.Drift == DriftPolicy.Strict)
        {
            foreach (var hint in _source.Schema)
            {
                var index = _table.IndexOf(hint.Name);
                var rule = index >= 0 ? _rules[index] : null;
                if (rule?.Dropped == true || (rule is null && _source.PiiFor(hint.Name)?.Action == PiiAction.Drop))
                {
                    continue;
                }

                outputs.Add(rule is null ? Missing(hint) : Output(rule));
            }
        }
        else
        {
            outputs.AddRange(_rules.Where(r => !r.Dropped).Select(Output));
        }

        FileSchema = new SourceSchema([.. outputs.Select(o => new SchemaColumn(o.Name, o.Type, o.Type == ColumnType.Decimal ? o.Scale : 0, !o.Required) { Format = o.Format?.Pattern, NoValues = o.NoValues })]);

        // A column without values is left out of the fragments: a placeholder type there would widen
        // the partition for readers. (Unless every column is one: rows of nothing but empty values.)
        var written = outputs.All(o => o.NoValues) ? outputs : [.. outputs.Where(o => !o.NoValues)];
        Outputs = [.. written];
        Schema = written.Count == outputs.Count ? FileSchema : new SourceSchema([.. FileSchema.Columns.Where(c => !c.NoValues)]);
    }

    private OutputColumn Missing(ColumnHint hint)
    {
        var tokenise = _source.PiiFor(hint.Name) is { Action: PiiAction.Tokenise } pii ? pii.Normalise : (PiiNormalise?)null;
        var type = tokenise is null ? hint.Type ?? ColumnType.String : ColumnType.String;
        return new OutputColumn(hint.Name, type, 0, -1, hint.Required, null, tokenise, Inferred: false)
        {
            Format = tokenise is null && hint.Format is { } pattern ? TemporalFormat.Compile(pattern) : null,
        };
    }

    private static OutputColumn Output(ColumnRule rule)
    {
        var (type, scale) = rule.Hint?.Type is { } declared
            ? (declared, declared == ColumnType.Decimal ? rule.Inference.Digits.Scale : 0)
            : rule.Fixed ?? rule.Inference.Result;
        if (rule.Pii is { Action: PiiAction.Tokenise } pii)
        {
            var validate = rule.Hint?.Type is { } t and not ColumnType.String ? t : (ColumnType?)null;
            return new OutputColumn(rule.Name, ColumnType.String, 0, rule.Source, rule.Required, validate, pii.Normalise, Inferred: false) { Format = rule.Format };
        }

        // A column without a single value carries no type: written as nulls, marked so merging ignores its placeholder type.
        var noValues = rule.Fixed is null && rule.Inference.NoValues;
        return new OutputColumn(rule.Name, type, scale, noValues ? -1 : rule.Source, rule.Required, null, null, Inferred: rule.Fixed is null)
        {
            Format = rule.Format ?? (rule.Fixed is null ? rule.Inference.Format : null),
            NoValues = noValues,
        };
    }
}
