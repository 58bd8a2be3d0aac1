namespace Strata.Api;

/// <summary>An HTTP answer both hosts write the same way: status code, JSON body, optional Location.</summary>
public sealed record ApiResult(int Status, object? Body, string? Location = null)
{
    public static ApiResult Ok(object body) => new(200, body);

    public static ApiResult BadRequest(string field, string message) => new(400, new ApiError("bad_request", message, field));

    public static ApiResult NotFound(string message) => new(404, new ApiError("not_found", message, null));
}

/// <summary>The error body: a code, a message that says what to change, and the offending field when there is one.</summary>
public sealed record ApiError(string Error, string Message, string? Field);
