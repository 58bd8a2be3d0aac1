namespace Strata.Testing;

/// <summary>Writes pipeline definitions into a temp folder: <c>&lt;root&gt;/&lt;name&gt;/pipeline.yaml</c> plus its SQL files.</summary>
public sealed class TestPipelines : IDisposable
{
    public TestPipelines()
    {
        Root = Path.Combine(Path.GetTempPath(), $"strata-pipelines-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes (or overwrites) a pipeline's yaml and files given as (relative path, text).</summary>
    public TestPipelines Write(string pipeline, string yaml, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(Root, pipeline);
        Directory.CreateDirectory(Path.Combine(folder, "sql"));
        File.WriteAllText(Path.Combine(folder, "pipeline.yaml"), yaml);
        foreach (var (path, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, path), text);
        }

        return this;
    }

    /// <summary>Overwrites one file of a pipeline (a SQL edit, say).</summary>
    public void Edit(string pipeline, string path, string text) => File.WriteAllText(Path.Combine(Root, pipeline, path), text);

    /// <summary>Copies a real pipeline folder (e.g. the shipped pipelines/sweepstakes).</summary>
    public TestPipelines Copy(string from)
    {
        var target = Path.Combine(Root, Path.GetFileName(from.TrimEnd(Path.DirectorySeparatorChar)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
