using System.Net;

namespace Strata.Cli.Serve;

/// <summary>Whether every URL binds only to the loopback interface.</summary>
internal static class Loopback
{
    public static bool OnlyLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        {
            var host = url.Split("://").Last().Split('/')[0];
            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
            return host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        });
    }
}
