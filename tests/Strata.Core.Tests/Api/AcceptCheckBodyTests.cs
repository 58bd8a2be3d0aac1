using Strata.Api;

namespace Strata.Core.Tests.Api;

public sealed class AcceptCheckBodyTests
{
    private const string WithoutBy = "{\"partition\": \"2026-11-20\", \"check\": \"unique_id\", \"reason\": \"duplicates confirmed by the producer\"}";

    [Fact]
    public void Parse_WithoutCallerOrBy_AsksForBy()
    {
        var (body, error) = AcceptCheckBody.Parse(WithoutBy);

        Assert.Null(body);
        Assert.Equal(400, error!.Status);
        Assert.Equal("by", Assert.IsType<ApiError>(error.Body).Field);
    }

    [Fact]
    public void Parse_WithSignedInCaller_RecordsTheCallerAsBy()
    {
        var (body, error) = AcceptCheckBody.Parse(WithoutBy, " ann@contoso.com ");

        Assert.Null(error);
        Assert.Equal("ann@contoso.com", body!.By);
    }

    [Fact]
    public void Parse_WithByNamingSomeoneElseThanTheCaller_IsRefused()
    {
        var (body, error) = AcceptCheckBody.Parse(WithoutBy.Replace("}", ", \"by\": \"bob\"}", StringComparison.Ordinal), "ann@contoso.com");

        Assert.Null(body);
        Assert.Equal(400, error!.Status);
        Assert.Contains("signed in as 'ann@contoso.com'", Assert.IsType<ApiError>(error.Body).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithByMatchingTheCaller_Accepts()
    {
        var (body, error) = AcceptCheckBody.Parse(WithoutBy.Replace("}", ", \"by\": \"Ann@Contoso.com\"}", StringComparison.Ordinal), "ann@contoso.com");

        Assert.Null(error);
        Assert.Equal("ann@contoso.com", body!.By);
    }
}
