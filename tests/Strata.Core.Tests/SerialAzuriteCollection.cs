using Strata.Testing;

namespace Strata.Tests;

/// <summary>
/// Tests that measure the whole process (bytes read from files, say) run alone: after every
/// parallel collection, with an Azurite of their own, so no other test's reads land in their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite-serial";
}
