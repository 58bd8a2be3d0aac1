using Parquet;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Load.Writing;

/// <summary>
/// One partition of a parse: the row group it is filling (<see cref="Current"/>), and the fragment
/// its full row groups are written to. The fragment stream is opened at the first row group;
/// after the last one the file's footer carries the load schema (<c>strata.schema</c>), output
/// hash (<c>strata.output_hash</c>) and row count (<c>strata.rows</c>), so assembly knows the exact
/// types and, for a single fragment, reuses the hash without reading the rows. Row groups of one
/// partition are written one at a time, in order (the writer set guarantees it).
/// </summary>
internal sealed class PartitionBuffer
{
    public const string OutputHashKey = "strata.output_hash";
    public const string RowsKey = "strata.rows";
    public const string SchemaKey = "strata.schema";

    private readonly SourceSchema _schema;
    private ParquetWriter? _writer;
    private Stream? _stream;
    private RowSetHash _hash;
    private Quality.Profiles.ProfileAccumulator? _profile;

    public PartitionBuffer(int index, string partition, int capacity, SourceSchema schema)
    {
        Index = index;
        Partition = partition;
        Capacity = capacity;
        _schema = schema;
    }

    public int Index { get; }

    public string Partition { get; }

    /// <summary>Rows per row group of this partition (its share of the budget).</summary>
    public int Capacity { get; }

    /// <summary>The row group being filled; null before the first row and after completion.</summary>
    public RowGroupBuffer? Current { get; set; }

    public long RowsWritten { get; private set; }

    public int RowGroupsWritten { get; private set; }

    /// <summary>Writes one full row group and adds its rows to the output hash.</summary>
    public async Task WriteRowGroupAsync(RowGroupBuffer rows, FragmentContext context, RowHasher hasher, CancellationToken cancellationToken)
    {
        if (rows.Rows == 0)
        {
            return;
        }

        if (_writer is null)
        {
            _stream = await context.Sink.OpenFragmentAsync(Partition, cancellationToken);
            _writer = await ParquetWriter.CreateAsync(context.ParquetSchema, _stream, context.ParquetOptions, append: false, cancellationToken);
            _profile = Quality.Profiles.ProfileAccumulator.For(_schema, context.Profiles);
        }

        if (context.Tokens is { } tokens)
        {
            rows.ResolveTokens(tokens);
        }

        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < rows.Columns.Length; i++)
            {
                await rows.Columns[i].WriteAsync(group, context.Fields[i], cancellationToken);
            }
        }

        hasher.AddRows(rows.Columns, ref _hash);
        _profile?.Add(rows.Columns);
        RowsWritten += rows.Rows;
        RowGroupsWritten++;
    }

    /// <summary>Closes the fragment and describes it; null when no row was written.</summary>
    public async Task<FragmentInfo?> CloseAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            return null;
        }

        var hash = _hash.ToHex();
        _writer.CustomMetadata = Quality.Profiles.ProfileAccumulator.AddTo(FooterMetadata(_schema, hash, RowsWritten), _profile);
        await _writer.DisposeAsync();
        _writer = null;
        await _stream!.FlushAsync(cancellationToken);
        await _stream.DisposeAsync();
        _stream = null;
        return new FragmentInfo(Partition, RowsWritten, hash);
    }

    /// <summary>The key-value metadata of a fragment or partition file: its load schema, output hash and row count.</summary>
    public static Dictionary<string, string> FooterMetadata(SourceSchema schema, string outputHash, long rows) => new()
    {
        [SchemaKey] = System.Text.Json.JsonSerializer.Serialize(schema, StrataJson.Options),
        [OutputHashKey] = outputHash,
        [RowsKey] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Closes an unfinished fragment after a failure (its content is discarded by the caller).</summary>
    public async ValueTask AbandonAsync()
    {
        if (_writer is not null)
        {
            try
            {
                await _writer.DisposeAsync();
            }
            catch (Exception)
            {
                // The fragment is garbage either way; closing the stream below is what matters.
            }
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }
}
