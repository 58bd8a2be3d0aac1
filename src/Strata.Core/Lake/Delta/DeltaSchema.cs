using System.Text.Json.Nodes;
using Parquet.Schema;

namespace Strata.Lake.Delta;

/// <summary>
/// A table's columns in order, serialised as the protocol's struct type (the <c>schemaString</c>
/// of <c>metaData</c>). Every column is nullable: a file written before a column was added has
/// no such column, and Delta readers read it as null.
/// </summary>
public sealed class DeltaSchema
{
    private DeltaSchema(IReadOnlyList<(string Name, DeltaType Type)> columns) => Columns = columns;

    public static DeltaSchema Empty { get; } = new([]);

    public IReadOnlyList<(string Name, DeltaType Type)> Columns { get; }

    public static DeltaSchema Of(IEnumerable<(string Name, DeltaType Type)> columns) => new([.. columns]);

    /// <summary>The columns of a Parquet file, typed exactly.</summary>
    public static DeltaSchema FromParquet(ParquetSchema schema, string where)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new([.. schema.Fields.Select(f => (f.Name, DeltaType.FromParquet(f, where)))]);
    }

    public DeltaType? TypeOf(string column) => Columns.FirstOrDefault(c => c.Name == column).Type;

    /// <summary>
    /// Both schemas' columns: this one's in order, then the other's new ones; a column in both
    /// gets the <see cref="DeltaType.Join"/> of its types.
    /// </summary>
    public DeltaSchema Join(DeltaSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var columns = Columns.ToList();
        foreach (var (name, type) in other.Columns)
        {
            var at = columns.FindIndex(c => c.Name == name);
            if (at < 0)
            {
                columns.Add((name, type));
            }
            else
            {
                columns[at] = (name, DeltaType.Join(columns[at].Type, type));
            }
        }

        return new(columns);
    }

    /// <summary>This schema without <paramref name="column"/>, then with it last at <paramref name="type"/> (a partition column).</summary>
    public DeltaSchema WithLast(string column, DeltaType type) =>
        new([.. Columns.Where(c => c.Name != column), (column, type)]);

    public DeltaSchema Without(string? column) => column is null ? this : new([.. Columns.Where(c => c.Name != column)]);

    /// <summary>True when a column this schema shares with <paramref name="other"/> has another type there.</summary>
    public bool DiffersInTypeFrom(DeltaSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Columns.Any(c => other.TypeOf(c.Name) is { } t && !t.Equals(c.Type));
    }

    /// <summary>True when a column has type <paramref name="type"/>.</summary>
    public bool Uses(DeltaType type) => Columns.Any(c => c.Type.Equals(type));

    public string ToSchemaString() => new JsonObject
    {
        ["type"] = "struct",
        ["fields"] = new JsonArray([.. Columns.Select(c => (JsonNode)FieldNode(c.Name, c.Type))]),
    }.ToJsonString();

    public static DeltaSchema Parse(string schemaString)
    {
        ArgumentNullException.ThrowIfNull(schemaString);
        var fields = JsonNode.Parse(schemaString)?["fields"]?.AsArray() ?? [];
        return new([.. fields.Select(f => (f!["name"]!.GetValue<string>(), DeltaType.Parse(f["type"]!.GetValue<string>())))]);
    }

    /// <summary>One struct field as the protocol writes it.</summary>
    public static JsonObject FieldNode(string name, DeltaType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new JsonObject { ["name"] = name, ["type"] = type.Text, ["nullable"] = true, ["metadata"] = new JsonObject() };
    }

    public bool SameAs(DeltaSchema? other) => other is not null && other.ToSchemaString() == ToSchemaString();

    /// <summary>Readable form: <c>id long, amount decimal(18,2)</c>.</summary>
    public override string ToString() => string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"));
}
