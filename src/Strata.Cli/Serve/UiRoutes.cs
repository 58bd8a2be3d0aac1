using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Strata.Ui;

namespace Strata.Cli.Serve;

/// <summary>
/// The browser UI at <c>/</c>: one embedded page (scripts and styles inlined) that talks to
/// <c>/api</c> like any client. Behind an API key, open it once as <c>/?code=KEY</c>.
/// </summary>
internal static class UiRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            var page = UiAssets.Find(UiAssets.Document)!;
            foreach (var (name, value) in UiAssets.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.Headers.ETag = page.ETag;
            return context.Request.Headers.IfNoneMatch == page.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(page.Content, page.ContentType);
        });
    }
}
