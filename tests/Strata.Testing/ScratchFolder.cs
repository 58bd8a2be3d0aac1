namespace Strata.Testing;

/// <summary>A temp folder of a test's own, deleted with it, and Parquet files DuckDB writes into it.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The rows of <paramref name="select"/> written by DuckDB to <c>&lt;name&gt;.parquet</c> here; returns the file.</summary>
    public string Parquet(string name, string select)
    {
        var file = System.IO.Path.Combine(Path, name + ".parquet");
        DuckDbReader.Query($"COPY ({select}) TO {DuckDbReader.Quote(file)} (FORMAT parquet)");
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
