using Strata.Definitions;
using Strata.Load.Csv;
using Strata.Load.Json;

namespace Strata.Load.Formats;

/// <summary>
/// Opens the right <see cref="IRecordSource"/> for a raw blob. The format is the source's, or for
/// Auto the blob name's extension (<c>.csv</c>, <c>.tsv</c>/<c>.tab</c>, <c>.jsonl</c>/<c>.ndjson</c>,
/// <c>.json</c>, <c>.parquet</c>, each optionally <c>.gz</c>); a <c>.json</c> file whose first
/// character is <c>{</c> is read as JSON lines, and a file with an unknown extension that starts
/// with <c>PAR1</c> as Parquet; a JSON-lines file whose first character is <c>[</c> is read as a JSON
/// array. Gzip is recognised by its magic bytes whatever the name. Text is read through
/// <see cref="TextInput"/> (UTF-16/32 with a byte-order mark, CR-only line breaks).
/// </summary>
internal static class RecordSourceFactory
{
    public static async Task<IRecordSource> OpenAsync(SourceDefinition source, RawBlobInput input, ColumnTable columns, LoadEngineOptions options, CancellationToken cancellationToken)
    {
        // Synchronous reads of the local copy: the parse is CPU-bound, and on Linux every async file
        // read is a thread-pool hop (with spinning workers) that costs more than the read itself.
        Stream file = new SyncReadStream(new FileStream(input.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        try
        {
            var head = new byte[2];
            var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            file.Position = 0;
            var gzip = headLength == 2 && head[0] == 0x1f && head[1] == 0x8b;
            Stream data = gzip ? GzipVerifyingStream.Open(file) : file;
            var sample = source.Format == SourceFormat.Parquet ? [] : await PeekContentAsync(input.LocalPath, gzip, cancellationToken);
            var format = source.Format == SourceFormat.Auto ? Detect(input, sample) : source.Format;
            if (format != SourceFormat.Parquet)
            {
                data = TextInput.Prepare(data, sample);
            }

            switch (format)
            {
                case SourceFormat.Csv:
                    return await CsvRecordSource.OpenAsync(data, source.Delimiter, columns, options.MaxRecordBytes, cancellationToken);
                case SourceFormat.Tsv:
                    return await CsvRecordSource.OpenAsync(data, '\t', columns, options.MaxRecordBytes, cancellationToken);
                case SourceFormat.JsonLines when !StartsWith(sample, (byte)'['):
                    return new JsonLinesRecordSource(data, columns, options.MaxRecordBytes);
                case SourceFormat.JsonLines or SourceFormat.JsonArray:
                    // A JSON-lines source given one JSON array: its elements are the rows, as they would be with format: json.
                    return new JsonArrayRecordSource(data, columns, options.MaxRecordBytes);
                default:
                    if (!gzip)
                    {
                        await file.DisposeAsync();
                        return await ParquetRecordSource.OpenAsync(input.LocalPath, columns, null, cancellationToken);
                    }

                    var expanded = Path.Combine(options.TempPath ?? Path.GetTempPath(), $"strata-{Guid.NewGuid():N}.parquet");
                    await using (var target = File.Create(expanded))
                    {
                        await data.CopyToAsync(target, cancellationToken);
                    }

                    await data.DisposeAsync();
                    return await ParquetRecordSource.OpenAsync(expanded, columns, expanded, cancellationToken);
            }
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static SourceFormat Detect(RawBlobInput input, byte[] sample)
    {
        var name = Path.GetFileName(input.RawBlobName).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        var extension = Path.GetExtension(name);
        switch (extension)
        {
            case ".csv":
                return SourceFormat.Csv;
            case ".tsv" or ".tab":
                return SourceFormat.Tsv;
            case ".jsonl" or ".ndjson":
                return SourceFormat.JsonLines;
            case ".parquet" or ".pq":
                return SourceFormat.Parquet;
        }

        if (extension == ".json")
        {
            return StartsWith(sample, (byte)'{') ? SourceFormat.JsonLines : SourceFormat.JsonArray;
        }

        if (sample.AsSpan().StartsWith("PAR1"u8))
        {
            return SourceFormat.Parquet;
        }

        throw new FileFormatException($"cannot tell the format of '{Path.GetFileName(input.RawBlobName)}' from its extension; set the source's format");
    }

    /// <summary>True when the text (after any byte-order mark and blanks) starts with <paramref name="first"/>.</summary>
    private static bool StartsWith(byte[] sample, byte first)
    {
        var text = TextInput.Utf8Sample(sample).AsSpan().TrimStart(" \t\r\n\uFEFF"u8);
        return text.Length > 0 && text[0] == first;
    }

    /// <summary>The first bytes of the (decompressed) content, read through a separate handle.</summary>
    private static async Task<byte[]> PeekContentAsync(string path, bool gzip, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using Stream data = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : file;
        var buffer = new byte[TextInput.SampleBytes];
        try
        {
            var read = await data.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return buffer[..read];
        }
        catch (InvalidDataException e)
        {
            throw new FileFormatException($"the gzip data is corrupt: {e.Message}", e);
        }
    }
}
