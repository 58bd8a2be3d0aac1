using Microsoft.Playwright;

namespace Strata.Ui.Tests.Support;

/// <summary>
/// The operating system's Chromium (Debian's <c>chromium</c> package), driven by Playwright's
/// bundled node driver. Nothing downloads a browser: the executable is given, every background
/// service of the browser is off, and each launch gets a fresh profile folder.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] s_args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"{Executable} is missing: the browser tests drive the operating system's Chromium. Install it with `apt-get install -y chromium chromium-driver` (.ci/run does this when they are missing).");
        }

        // Playwright must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var profile = Path.Combine(Path.GetTempPath(), $"strata-chromium-{Guid.NewGuid():N}");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright refuses --user-data-dir in args: a persistent context is how a fresh profile folder is given.
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Executable,
                Headless = true,
                Args = s_args,
                ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
                TimezoneId = "UTC",
                Locale = "en-GB",
            });
            return new HeadlessChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // The browser may still hold a lock file for a moment; the temp folder is the OS's to clean.
        }
    }
}
