using Azure;

namespace Strata.Cli.Output;

/// <summary>
/// Turns a storage error the command did not expect into one line a person can act on: which
/// storage, what it answered, and what to do — instead of the client's dump of headers and body.
/// </summary>
internal static class StorageErrors
{
    public static string Describe(RequestFailedException e, string? storage)
    {
        ArgumentNullException.ThrowIfNull(e);
        var where = storage ?? "the lake's storage";
        var answer = e.Status == 0 ? "no answer" : $"{e.Status}{(e.ErrorCode is { } code ? $" {code}" : "")}";
        var advice = e.Status switch
        {
            0 => "check that it is running and reachable, then run the command again",
            401 or 403 => "check the credentials: the connection string's key, or that this identity has the Storage Blob Data Contributor and Storage Table Data Contributor roles on the account",
            404 => "a container or table is missing: check Strata__Storage__Namespace and that the account is the lake's (run any command once against it to create them)",
            409 or 412 => "another writer changed the same entity at the same time; run the command again",
            429 or >= 500 => "storage is busy or failing; run the command again in a minute",
            _ => "check the storage settings (Strata__Storage__*)",
        };
        return $"{where} refused a request ({answer}: {FirstLine(e.Message)}); {advice}";
    }

    /// <summary>
    /// A failure message that quotes a storage error is cut to its first line plus the status and
    /// error code: the client's message goes on with every header and the response body.
    /// </summary>
    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Split('\n').Select(l => l.Trim()).ToList();
        var status = lines.FirstOrDefault(l => l.StartsWith("Status: ", StringComparison.Ordinal));
        if (lines.Count < 3 || status is null)
        {
            return message;
        }

        var code = lines.FirstOrDefault(l => l.StartsWith("ErrorCode: ", StringComparison.Ordinal));
        return $"{lines[0]} ({status}{(code is null ? "" : $", {code}")})";
    }

    private static string FirstLine(string message) =>
        message.Split('\n', 2)[0].Trim();
}
