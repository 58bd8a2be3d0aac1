namespace Strata.Ui.Tests.Support;

/// <summary>
/// Screenshots of each page go to <c>screenshots/</c> in the test output folder, for review; with
/// <c>STRATA_UPDATE_SCREENSHOTS=1</c> they also replace the committed images under <c>docs/ui/</c>
/// that the README shows.
/// </summary>
internal static class Screenshots
{
    public const string UpdateVariable = "STRATA_UPDATE_SCREENSHOTS";

    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static void Save(string name, byte[] png)
    {
        Directory.CreateDirectory(OutputFolder);
        File.WriteAllBytes(Path.Combine(OutputFolder, name + ".png"), png);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var docs = RepoRoot.Combine("docs", "ui");
            Directory.CreateDirectory(docs);
            File.WriteAllBytes(Path.Combine(docs, name + ".png"), png);
        }
    }
}
