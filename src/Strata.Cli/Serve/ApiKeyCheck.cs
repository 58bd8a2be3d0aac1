using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Strata.Cli.Serve;

/// <summary>
/// Guards every request. With an API key: the key is required — header <c>x-functions-key</c> (as
/// the Functions app takes it) or <c>x-api-key</c>, or query <c>code</c>; an empty value counts as
/// none; compared in constant time. Without one: only requests that arrived on a loopback address
/// are answered, whatever the server was configured to bind (Kestrel's own endpoint settings can
/// bind more than <c>--urls</c> says).
/// </summary>
internal sealed class ApiKeyCheck : IMiddleware
{
    private readonly byte[]? _key;

    /// <param name="key">The key; null for loopback only. An empty key is refused: it would let every request in.</param>
    public ApiKeyCheck(string? key)
    {
        if (key is not null && string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("an API key cannot be empty", nameof(key));
        }

        _key = key is null ? null : Encoding.UTF8.GetBytes(key);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_key is null)
        {
            if (context.Connection.LocalIpAddress is { } local && !IPAddress.IsLoopback(local))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "forbidden", "this server has no API key, so it answers on loopback only; start it with --api-key to serve other machines");
                return;
            }
        }
        else
        {
            var given = new[] { context.Request.Headers["x-functions-key"], context.Request.Headers["x-api-key"], context.Request.Query["code"] }
                .SelectMany(values => values)
                .FirstOrDefault(v => !string.IsNullOrEmpty(v));
            if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "missing or wrong API key (x-functions-key header or code query)");
                return;
            }
        }

        await next(context);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new Api.ApiError(error, message, null), StrataJson.Options);
    }
}
