using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Load;
using Strata.Security;
using Strata.Storage;
using Strata.Transform;

namespace Strata.Hosting;

/// <summary>
/// Checks every setting the engine reads (storage, pipelines, PII, SQL engine, load tuning) when a
/// host starts, so a wrong value stops it at once with a message naming the setting as it is set
/// in the environment (<c>Strata__Transform__Threads</c>) rather than failing deep inside a run.
/// Workflow settings have their own validator next to <c>WorkflowOptions</c>.
/// </summary>
public sealed partial class StrataOptionsValidator :
    IValidateOptions<StorageOptions>,
    IValidateOptions<PipelineOptions>,
    IValidateOptions<PiiOptions>,
    IValidateOptions<TransformOptions>,
    IValidateOptions<LoadEngineOptions>
{
    /// <summary>Registers the validator and asks the host to run it at start (<see cref="IStartupValidator"/>).</summary>
    public static IServiceCollection AddTo(IServiceCollection services)
    {
        var validator = new StrataOptionsValidator();
        services.AddSingleton<IValidateOptions<StorageOptions>>(validator);
        services.AddSingleton<IValidateOptions<PipelineOptions>>(validator);
        services.AddSingleton<IValidateOptions<PiiOptions>>(validator);
        services.AddSingleton<IValidateOptions<TransformOptions>>(validator);
        services.AddSingleton<IValidateOptions<LoadEngineOptions>>(validator);
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddOptions<PipelineOptions>().ValidateOnStart();
        services.AddOptions<PiiOptions>().ValidateOnStart();
        services.AddOptions<TransformOptions>().ValidateOnStart();
        services.AddOptions<LoadEngineOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>The environment variable of a setting: <c>Strata:Storage</c> + <c>Namespace</c> → <c>Strata__Storage__Namespace</c>.</summary>
    public static string Setting(string section, string name)
    {
        ArgumentNullException.ThrowIfNull(section);
        return $"{section.Replace(":", "__", StringComparison.Ordinal)}__{name}";
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Problems(StorageOptions.Section);
        problems.Check(options.NamespaceProblem() is null, nameof(StorageOptions.Namespace), options.NamespaceProblem() ?? "");
        problems.Check(!string.IsNullOrWhiteSpace(options.ConnectionString) || (options.BlobServiceUri is null) == (options.TableServiceUri is null),
            options.BlobServiceUri is null ? nameof(StorageOptions.TableServiceUri) : nameof(StorageOptions.BlobServiceUri),
            "is set without its pair: give both BlobServiceUri and TableServiceUri, or a ConnectionString");
        foreach (var (setting, uri) in new[] { (nameof(StorageOptions.BlobServiceUri), options.BlobServiceUri), (nameof(StorageOptions.TableServiceUri), options.TableServiceUri) })
        {
            problems.Check(uri is null || (uri.IsAbsoluteUri && uri.Scheme is "https" or "http"), setting, $"is '{uri}'; give the account's endpoint, such as https://<account>.blob.core.windows.net");
        }

        problems.Check(ConnectionStringProblem(options.ConnectionString) is null, nameof(StorageOptions.ConnectionString), ConnectionStringProblem(options.ConnectionString) ?? "");
        problems.Positive(options.UnreachableTimeout, nameof(StorageOptions.UnreachableTimeout), "00:01:30");
        problems.Positive(options.NetworkTimeout, nameof(StorageOptions.NetworkTimeout), "00:00:30");
        return problems.Result();
    }

    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Problems(PipelineOptions.Section);
        problems.Check(!string.IsNullOrWhiteSpace(options.Folder), nameof(PipelineOptions.Folder), "is empty; give the folder holding one sub-folder per pipeline (default: pipelines)");
        return problems.Result();
    }

    public ValidateOptionsResult Validate(string? name, PiiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Problems(PiiOptions.Section);
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            var bytes = new byte[options.Key.Length];
            var valid = Convert.TryFromBase64String(options.Key.Trim(), bytes, out var length);
            problems.Check(valid && length >= 32, nameof(PiiOptions.Key),
                valid ? $"holds {length} bytes; a key is at least 32 random bytes, base64 (openssl rand -base64 32)" : "is not base64; give 32 or more random bytes, base64 (openssl rand -base64 32)");
        }

        return problems.Result();
    }

    public ValidateOptionsResult Validate(string? name, TransformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Problems(TransformOptions.Section);
        problems.Check(MemorySize().IsMatch(options.MemoryLimit ?? ""), nameof(TransformOptions.MemoryLimit), $"is '{options.MemoryLimit}'; give a size such as 512MB, 1GB or 2GiB (default 1GB)");
        problems.Check(options.Threads >= 1, nameof(TransformOptions.Threads), $"is {options.Threads}; give 1 or more (default 1)");
        problems.Check(!string.IsNullOrWhiteSpace(options.TempDirectory), nameof(TransformOptions.TempDirectory), "is empty; give a folder DuckDB may spill to (default: the system temp folder)");
        return problems.Result();
    }

    public ValidateOptionsResult Validate(string? name, LoadEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Problems(LoadEngineOptions.Section);
        problems.Check(options.RowGroupRows >= 1, nameof(LoadEngineOptions.RowGroupRows), $"is {options.RowGroupRows}; give 1 or more (default 131072)");
        problems.Check(options.MaxBufferedCells >= 1, nameof(LoadEngineOptions.MaxBufferedCells), $"is {options.MaxBufferedCells}; give 1 or more (default 4194304)");
        problems.Check(options.MaxBufferedStringBytes >= 1, nameof(LoadEngineOptions.MaxBufferedStringBytes), $"is {options.MaxBufferedStringBytes}; give 1 or more (default 134217728)");
        problems.Check(options.MaxOpenFragments >= 1, nameof(LoadEngineOptions.MaxOpenFragments), $"is {options.MaxOpenFragments}; give 1 or more (default 256)");
        problems.Check(options.MaxRecordBytes >= 1, nameof(LoadEngineOptions.MaxRecordBytes), $"is {options.MaxRecordBytes}; give 1 or more (default 16777216)");
        problems.Check(options.TokenCacheEntries >= 0, nameof(LoadEngineOptions.TokenCacheEntries), $"is {options.TokenCacheEntries}; give 0 (no cache) or more (default 262144)");
        return problems.Result();
    }

    private static string? ConnectionStringProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            // Parsing only: no request is made.
            _ = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return $"is not a storage connection string ({e.Message.ReplaceLineEndings(" ")}); copy it from the storage account's access keys, or use BlobServiceUri and TableServiceUri";
        }
    }

    [GeneratedRegex(@"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySize();

    /// <summary>Failures of one options section, each naming its setting.</summary>
    private sealed class Problems(string section)
    {
        private readonly List<string> _failures = [];

        public void Check(bool ok, string setting, string problem)
        {
            if (!ok)
            {
                _failures.Add($"{Setting(section, setting)} {problem}");
            }
        }

        public void Positive(TimeSpan value, string setting, string defaultValue) =>
            Check(value > TimeSpan.Zero, setting, $"is {value}; give a positive duration such as {defaultValue} (the default)");

        public ValidateOptionsResult Result() => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
    }
}
