using System.Net;

namespace Strata.Cli.Serve;

/// <summary>Whether every URL binds only to the loopback interface.</summary>
internal static class Loopback
{
    public static bool OnlyLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return OnlyLoopback(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>For the addresses a server actually bound (<c>IServerAddressesFeature</c>), e.g. <c>http://[::]:7071</c>.</summary>
    public static bool OnlyLoopback(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.All(url =>
        {
            var host = url.Split("://").Last().Split('/')[0];
            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
            return host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        });
    }
}
