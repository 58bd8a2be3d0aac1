using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Strata.Cli.Serve;

/// <summary>
/// Requires the API key on every request when one is set: header <c>x-functions-key</c> (as the
/// Functions app takes it) or <c>x-api-key</c>, or query <c>code</c>. Compared in constant time.
/// </summary>
internal sealed class ApiKeyCheck(string key) : IMiddleware
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var given = context.Request.Headers["x-functions-key"].FirstOrDefault()
            ?? context.Request.Headers["x-api-key"].FirstOrDefault()
            ?? context.Request.Query["code"].FirstOrDefault();
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new Api.ApiError("unauthorized", "missing or wrong API key (x-functions-key header or code query)", null), StrataJson.Options);
            return;
        }

        await next(context);
    }
}
