using Strata.Storage;
using Strata.Storage.Azurite;

namespace Strata.Cli.Hosting;

/// <summary>
/// What the <c>strata</c> .NET tool carries next to its binaries: the Node manifest that pins
/// Azurite (<c>node/package.json</c> + <c>package-lock.json</c>) and the demo's pipelines and
/// sample waves (<c>demo/pipelines</c>, <c>demo/samples</c>). Inside a clone of the repository the
/// repository's own files are used; anywhere else these are.
/// </summary>
internal static class ToolFiles
{
    public static string ShippedPipelines => Path.Combine(AppContext.BaseDirectory, "demo", "pipelines");

    public static string ShippedSamples => Path.Combine(AppContext.BaseDirectory, "demo", "samples");

    private static string ShippedNodeManifest => Path.Combine(AppContext.BaseDirectory, "node");

    /// <summary>
    /// The pipelines folder when none is given: <c>./pipelines</c> if it exists, else the demo's
    /// pipelines the tool ships (so <c>strata demo</c>, then <c>strata status</c>, work from any folder).
    /// </summary>
    public static string DefaultPipelines(string configured) =>
        Directory.Exists(configured) || !Directory.Exists(ShippedPipelines) ? configured : ShippedPipelines;

    /// <summary>The sample waves when <c>--samples</c> is not given: <c>./samples</c> if it exists, else the shipped ones.</summary>
    public static string DefaultSamples(string given) =>
        Directory.Exists(given) || !Directory.Exists(ShippedSamples) ? given : ShippedSamples;

    /// <summary>
    /// The folder whose <c>node_modules</c> holds Azurite: the repository's when running from a
    /// clone, else <c>&lt;data&gt;/node</c>, where the shipped manifest is copied and installed
    /// with <c>npm ci</c> the first time.
    /// </summary>
    public static string NodeToolsRoot(string dataFolder)
    {
        try
        {
            return NodeTools.FindRoot();
        }
        catch (StorageUnavailableException) when (File.Exists(Path.Combine(ShippedNodeManifest, "package.json")))
        {
            return NodeTools.PrepareIn(Path.Combine(Path.GetFullPath(dataFolder), "node"), ShippedNodeManifest);
        }
    }
}
