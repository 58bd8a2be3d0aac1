using System.Security.Cryptography;
using System.Text;
using Strata.Definitions;
using Strata.Load.Pii;

namespace Strata.Tests.Load.Pii;

public sealed class PiiTokenizerTests
{
    [Fact]
    public void Tokenise_IsDeterministic_KeyedAndUnlikeTheInput()
    {
        var tokenizer = new PiiTokenizer(LoadHarness.Key);
        var other = new PiiTokenizer(Encoding.UTF8.GetBytes("another key of thirty-two bytes!"));

        var token = tokenizer.Tokenise("ann@example.com", PiiNormalise.None)!;

        Assert.Equal(token, tokenizer.Tokenise("ann@example.com", PiiNormalise.None));
        Assert.NotEqual(token, other.Tokenise("ann@example.com", PiiNormalise.None));
        Assert.NotEqual(token, tokenizer.Tokenise("bob@example.com", PiiNormalise.None));
        Assert.Matches("^tok_[A-Za-z0-9_-]{43}$", token);
        Assert.DoesNotContain("ann", token, StringComparison.OrdinalIgnoreCase);
        var mac = HMACSHA256.HashData(LoadHarness.Key, Encoding.UTF8.GetBytes("ann@example.com"));
        Assert.Equal("tok_" + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_'), token);
        Assert.Null(tokenizer.Tokenise(null, PiiNormalise.None));
    }

    [Fact]
    public void TrimLower_GivesEqualMeaningValuesOneToken()
    {
        var tokenizer = new PiiTokenizer(LoadHarness.Key);

        Assert.Equal(tokenizer.Tokenise("ann@x.com", PiiNormalise.None), tokenizer.Tokenise(" Ann@X.com\t", PiiNormalise.TrimLower));
        Assert.Equal(tokenizer.Tokenise("ærø@x.dk", PiiNormalise.None), tokenizer.Tokenise(" ÆRØ@X.DK ", PiiNormalise.TrimLower));
        Assert.NotEqual(tokenizer.Tokenise("ann@x.com", PiiNormalise.None), tokenizer.Tokenise(" Ann@X.com", PiiNormalise.None));
    }

    [Fact]
    public void KeyId_IsAShortPublicIdOfTheKey()
    {
        var tokenizer = new PiiTokenizer(LoadHarness.Key);

        Assert.Matches("^[0-9a-f]{16}$", tokenizer.KeyId);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(LoadHarness.Key, "strata-pii-key-id"u8))[..16], tokenizer.KeyId);
        Assert.NotEqual(tokenizer.KeyId, new PiiTokenizer(new byte[32]).KeyId);
    }

    [Fact]
    public void Session_GivesTheSameTokens_WithAndWithoutItsCache()
    {
        var tokenizer = new PiiTokenizer(LoadHarness.Key);
        using var cached = tokenizer.CreateSession(4);
        using var uncached = tokenizer.CreateSession(0);
        var values = Enumerable.Range(0, 50).Select(i => $" User{i % 3}@Example.com ").ToList();

        foreach (var value in values)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            var expected = tokenizer.Tokenise(value, PiiNormalise.TrimLower);
            Assert.Equal(expected, cached.Tokenise(bytes, PiiNormalise.TrimLower));
            Assert.Equal(expected, uncached.Tokenise(bytes, PiiNormalise.TrimLower));
            Assert.Equal(tokenizer.Tokenise(value, PiiNormalise.None), cached.Tokenise(bytes, PiiNormalise.None));
        }

        Assert.True(cached.Hits > 0);
        Assert.Equal(0, uncached.Hits);
    }

    [Fact]
    public void Session_WithACacheSmallerThanTheValues_GivesTheUncachedTokens_AcrossGenerations()
    {
        // Values of varied length through a 4-entry cache (two generations of 2): 3 values in turn
        // hit in the old generation and move back to the young one, then 6 in turn are evicted and re-added.
        var tokenizer = new PiiTokenizer(LoadHarness.Key);
        using var cached = tokenizer.CreateSession(4);
        var values = Enumerable.Range(0, 60).Select(i => i < 30 ? i % 3 : i % 6).Select(k => new string('x', k) + $"user{k}@example.com").ToList();

        var tokens = values.Select(v => cached.Tokenise(Encoding.UTF8.GetBytes(v), PiiNormalise.None)).ToList();
        var repeated = values.Select(v => cached.Tokenise(Encoding.UTF8.GetBytes(v), PiiNormalise.None)).ToList();

        Assert.Equal(values.Select(v => tokenizer.Tokenise(v, PiiNormalise.None)), tokens);
        Assert.Equal(tokens, repeated);
        Assert.True(cached.Hits > 0 && cached.Misses > 6, $"hits {cached.Hits}, misses {cached.Misses}");
    }

    [Fact]
    public async Task Load_TokenisesAndDropsColumns_AndNullsStayNull()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned() with
        {
            Pii = [new PiiRule("email", PiiAction.Tokenise, PiiNormalise.TrimLower), new PiiRule("phone", PiiAction.Drop)],
            Schema = [new ColumnHint("phone", ColumnType.Int64, Required: true)],
        };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "id,email,phone\n1,Ann@X.com,555\n2, ann@x.com ,not-a-number\n3,,\n");

        Assert.Equal(["id", "email"], outcome.Schema.Columns.Select(c => c.Name));
        Assert.Equal(ColumnType.String, outcome.Schema.Columns[1].Type);
        var rows = await harness.RowsAsync("all");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.False(r.ContainsKey("phone")));
        Assert.StartsWith("tok_", (string)rows[0]["email"]!, StringComparison.Ordinal);
        Assert.Equal(rows[0]["email"], rows[1]["email"]);
        Assert.Null(rows[2]["email"]);
        Assert.Equal(2, outcome.Statistics.TokenCacheMisses); // the cache is keyed by the raw value, before normalising
    }
}
