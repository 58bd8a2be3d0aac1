using Strata.Definitions;
using Strata.Load.Csv;
using Strata.Load.Formats;
using Strata.Load.Partitioning;
using Strata.Load.Pii;
using Strata.Load.Quarantine;
using Strata.Load.Schema;
using Strata.Load.Writing;
using Strata.Parquet;

namespace Strata.Load;

/// <summary>
/// Parses one raw blob into Parquet fragments, one per partition its rows fall in.
/// <para>
/// Two passes over the local file (three when pass 1 finds that a date or partition column is in a
/// non-ISO format: it then runs again with that format, see <see cref="LoadPlan"/>). Pass 1 reads every record, applies the row rules
/// (<see cref="RowConverter"/>) and infers each column's type from the values of the good rows, so
/// the type is exact for the whole file. Pass 2 reads it again, converts, tokenises, splits rows by
/// partition and buffers rows per partition within the memory rules of <see cref="FragmentWriterSet"/>,
/// which encodes, tokenises, hashes and writes full row groups on one background task while
/// parsing goes on. Quarantine records are written in pass 2 only.
/// </para>
/// <para>
/// A file that cannot be read as a whole (not the declared format, truncated gzip, no header,
/// broken JSON array, unreadable Parquet) is quarantined as a unit: <see cref="ParseOutcome.FileError"/>
/// is set, no fragment is written — not even for rows read before the problem, which pass 1 finds
/// before anything is written — and one quarantine record with line 0 says why. Bad input never
/// throws; I/O failures and cancellation do.
/// </para>
/// </summary>
public sealed class RawBlobParser
{
    private readonly SourceDefinition _source;
    private readonly PiiTokenizer? _tokenizer;
    private readonly LoadEngineOptions _options;

    /// <param name="source">The source whose load spec applies.</param>
    /// <param name="tokenizer">Required when the source tokenises a column; may be null otherwise.</param>
    /// <param name="options">Buffering and format options.</param>
    public RawBlobParser(SourceDefinition source, PiiTokenizer? tokenizer, LoadEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (tokenizer is null && source.Pii.Any(r => r.Action == PiiAction.Tokenise))
        {
            throw new ArgumentException($"source '{source.Name}' tokenises PII, so a {nameof(PiiTokenizer)} is required", nameof(tokenizer));
        }

        _source = source;
        _tokenizer = tokenizer;
        _options = options;
    }

    /// <summary>How each fragment is profiled while it is written (its footer carries the profile); null, the default: not profiled.</summary>
    public Quality.Profiles.ProfileOptions? Profiles { get; init; }

    /// <summary>Parses <paramref name="input"/>, writing fragments and quarantine records to <paramref name="sink"/>.</summary>
    public async Task<ParseOutcome> ParseAsync(RawBlobInput input, IFragmentSink sink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        var columns = new ColumnTable();
        var cutter = new PartitionKeyCutter(_source.Partition.Grain);
        LoadPlan plan;
        bool byColumn;
        try
        {
            (plan, var records, byColumn) = await PlanByColumnAsync(input, columns, cutter, ct);
            if (!byColumn)
            {
                cutter = new PartitionKeyCutter(_source.Partition.Grain);
                (plan, records) = await InferAsync(input, columns, cutter, null, ct);
            }

            if (plan.ResolvedFormats() is { Count: > 0 } formats)
            {
                // A date column's values are mostly in a non-ISO format: plan the file again reading them with it.
                cutter = new PartitionKeyCutter(_source.Partition.Grain);
                (plan, _) = await InferAsync(input, columns, cutter, formats, ct);
            }

            if (plan.Schema.Columns.Count == 0)
            {
                // Parquet cannot hold rows without columns: an empty file loads nothing, rows without fields are a file problem.
                return records == 0
                    ? new ParseOutcome(plan.FileSchema, [], 0, 0, 0, null)
                    : throw new FileFormatException($"none of its {records:N0} records has a field to load (every object is empty, or pii: drops every column)");
            }
        }
        catch (FileFormatException e)
        {
            return await QuarantineFileAsync(input, sink, e.Message, ct);
        }

        columns.Frozen = true;
        using var tokens = _tokenizer?.CreateSession(_options.TokenCacheEntries);
        var budget = new BufferBudget(_options.MaxBufferedCells, _options.MaxBufferedStringBytes);
        var parquetSchema = ParquetColumns.Schema(plan.Schema);
        var context = new FragmentContext(
            sink,
            parquetSchema,
            parquetSchema.DataFields,
            ParquetColumns.WriterOptions(_options),
            new ChunkPool(),
            [.. plan.Outputs.Select(o => o.Tokenise)],
            tokens) { Profiles = Profiles };
        var sweeps = Math.Max(1, (cutter.Count + _options.MaxOpenFragments - 1) / _options.MaxOpenFragments);
        var fragments = new List<FragmentInfo>();
        var rowGroups = 0;
        await using var quarantine = new QuarantineWriter(sink, input.RawBlobName);
        long rowsRead = 0;
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            var members = Enumerable.Range(0, cutter.Count).Where(p => p / _options.MaxOpenFragments == sweep);
            var writers = new FragmentWriterSet(plan.Schema, context, budget, _options.RowGroupRows, members.ToDictionary(p => p, cutter.RowsIn));
            try
            {
                var read = await WriteSweepAsync(input, columns, plan, cutter, writers, budget, sweep, sweep == 0 ? quarantine : null, byColumn, ct);
                rowsRead = sweep == 0 ? read : rowsRead;
                fragments.AddRange(await writers.CompleteAsync(ct));
                rowGroups += writers.RowGroupsWritten;
            }
            catch
            {
                await writers.AbandonAsync();
                throw;
            }
        }

        await quarantine.CompleteAsync(ct);
        fragments.Sort((a, b) => string.CompareOrdinal(a.Partition, b.Partition));
        return new ParseOutcome(plan.FileSchema, fragments, rowsRead, fragments.Sum(f => f.Rows), quarantine.Count, null)
        {
            Statistics = new ParseStatistics(budget.PeakCells, budget.PeakStringBytes, rowGroups, sweeps, tokens?.Hits ?? 0, tokens?.Misses ?? 0) { LoadedByColumn = byColumn },
        };
    }

    /// <summary>
    /// Pass 1 of a Parquet input the column path can load (see <see cref="ParquetRecordSource.CanLoadByColumn"/>):
    /// counts rows per partition from the partition column alone. Returns false (and a plan to discard) for every other file.
    /// </summary>
    private async Task<(LoadPlan Plan, long Records, bool ByColumn)> PlanByColumnAsync(RawBlobInput input, ColumnTable columns, PartitionKeyCutter cutter, CancellationToken ct)
    {
        if (_source.Format is not (SourceFormat.Parquet or SourceFormat.Auto))
        {
            return (null!, 0, false);
        }

        await using var reader = await RecordSourceFactory.OpenAsync(_source, input, columns, _options, ct);
        var plan = new LoadPlan(_source, columns, reader.NativeType, input.IngestDate);
        if (reader is not ParquetRecordSource parquet || !parquet.CanLoadByColumn(plan)
            || await parquet.CountPartitionsAsync(plan, cutter, ct) is not { } records)
        {
            return (plan, 0, false);
        }

        plan.Complete();
        return (plan, records, true);
    }

    /// <summary>Pass 1: rules and inference over the whole file; numbers the partitions. Also returns how many records the file has.</summary>
    private async Task<(LoadPlan Plan, long Records)> InferAsync(RawBlobInput input, ColumnTable columns, PartitionKeyCutter cutter, IReadOnlyDictionary<int, Temporal.TemporalFormat>? formats, CancellationToken ct)
    {
        await using var reader = await RecordSourceFactory.OpenAsync(_source, input, columns, _options, ct);
        var plan = new LoadPlan(_source, columns, reader.NativeType, input.IngestDate, formats);
        if (plan.PartitionColumn is { } partitionColumn && plan.PartitionSource < 0 && reader.ColumnsKnownUpfront)
        {
            throw new FileFormatException(FileProblems.MissingPartitionColumn(partitionColumn, columns.Names));
        }

        var converter = new RowConverter(plan);
        var record = new RecordBuffer();
        var unreadable = new FileProblems.UnreadableRecords(reader is not CsvRecordSource and not ParquetRecordSource);
        while (true)
        {
            while (reader.TryRead(record))
            {
                unreadable.Count(record);
                if (converter.CheckAndInfer(record, out _, out var micros))
                {
                    cutter.CountRow(plan.FixedPartition is null ? cutter.IndexOf(micros) : cutter.IndexOfFixed(plan.FixedPartition));
                }
            }

            if (!await reader.FillAsync(ct))
            {
                break;
            }
        }

        unreadable.ThrowIfAll();
        plan.Complete();
        return (plan, unreadable.Records);
    }

    /// <summary>Pass 2 (one sweep): writes the rows of the partitions numbered for this sweep.</summary>
    private async Task<long> WriteSweepAsync(
        RawBlobInput input, ColumnTable columns, LoadPlan plan, PartitionKeyCutter cutter,
        FragmentWriterSet writers, BufferBudget budget, int sweep, QuarantineWriter? quarantine, bool byColumn, CancellationToken ct)
    {
        IRecordSource reader;
        try
        {
            reader = await RecordSourceFactory.OpenAsync(_source, input, columns, _options, ct);
        }
        catch (FileFormatException e)
        {
            throw new InvalidOperationException($"'{input.LocalPath}' changed between the two passes: {e.Message}", e);
        }

        await using var _ = reader;
        var converter = new RowConverter(plan);
        var record = new RecordBuffer();
        var maxOpen = _options.MaxOpenFragments;
        long rows = 0;
        try
        {
            if (byColumn)
            {
                return await ((ParquetRecordSource)reader).WriteByColumnAsync(plan, cutter, writers, budget, sweep, maxOpen, ct);
            }

            while (true)
            {
                while (reader.TryRead(record))
                {
                    rows++;
                    if (!converter.Convert(record, out var failure, out var micros))
                    {
                        if (quarantine is not null)
                        {
                            quarantine.Write(record.Line, failure.Reason, failure.Column, failure.Value, record.Raw, hasRaw: true);
                            if (quarantine.ShouldFlush)
                            {
                                await quarantine.FlushAsync(ct);
                            }
                        }

                        continue;
                    }

                    var partition = plan.FixedPartition is null ? cutter.IndexOf(micros) : cutter.IndexOfFixed(plan.FixedPartition);
                    if (partition / maxOpen != sweep)
                    {
                        continue;
                    }

                    if (!writers.TryReserve(partition, cutter.Value(partition), out var buffer))
                    {
                        await writers.MakeRoomAsync(buffer, ct);
                    }

                    converter.Append(record, buffer.Current!);
                    if (budget.StringsOverBudget)
                    {
                        await writers.RelieveStringsAsync(ct);
                    }
                }

                if (!await reader.FillAsync(ct))
                {
                    break;
                }
            }
        }
        catch (FileFormatException e)
        {
            throw new InvalidOperationException($"'{input.LocalPath}' changed between the two passes: {e.Message}", e);
        }

        return rows;
    }

    /// <summary>Quarantines the whole blob with one file-level record (line 0) saying why; no fragment is written.</summary>
    internal static async Task<ParseOutcome> QuarantineFileAsync(RawBlobInput input, IFragmentSink sink, string message, CancellationToken ct)
    {
        var reason = $"file: {Storage.BoundedText.Message(message)}";
        await using var quarantine = new QuarantineWriter(sink, input.RawBlobName);
        quarantine.Write(0, reason, null, null, default, hasRaw: false);
        await quarantine.CompleteAsync(ct);
        return new ParseOutcome(SourceSchema.Empty, [], 0, 0, 0, reason);
    }
}
