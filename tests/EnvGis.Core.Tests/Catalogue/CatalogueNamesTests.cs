using EnvGis.Core.Catalogue;

namespace EnvGis.Core.Tests.Catalogue;

public sealed class CatalogueNamesTests
{
    [Theory]
    [InlineData("noise_sources")]
    [InlineData("river_km2")]
    [InlineData("a1")]
    public void Lower_snake_case_names_are_accepted(string name)
    {
        Assert.Null(CatalogueNames.LayerProblem(name));
        Assert.Null(CatalogueNames.AttributeProblem(name));
    }

    [Theory]
    [InlineData("", "invalid-name")]
    [InlineData("Noise", "invalid-name")]
    [InlineData("noise sources", "invalid-name")]
    [InlineData("noise__sources", "invalid-name")]
    [InlineData("noise_", "invalid-name")]
    [InlineData("_noise", "invalid-name")]
    [InlineData("1noise", "invalid-name")]
    [InlineData("nguồn_ồn", "invalid-name")]
    [InlineData("xml_data", "reserved-name")]
    [InlineData("monitoring", "reserved-name")]
    public void Layer_names_that_break_the_rules_are_refused_with_a_code(string name, string code) =>
        Assert.Equal(code, CatalogueNames.LayerProblem(name)?.Code);

    [Theory]
    [InlineData("status")]
    [InlineData("geom")]
    [InlineData("valid_from")]
    [InlineData("validity")]
    [InlineData("the_geom")]
    [InlineData("point_count")]
    public void Attribute_names_of_metadata_and_system_properties_are_reserved(string name) =>
        Assert.Equal("reserved-name", CatalogueNames.AttributeProblem(name)?.Code);

    [Fact]
    public void Names_are_limited_so_derived_index_names_fit_postgresql()
    {
        Assert.Null(CatalogueNames.LayerProblem(new string('a', CatalogueNames.MaxLayerName)));
        Assert.Equal("invalid-name", CatalogueNames.LayerProblem(new string('a', CatalogueNames.MaxLayerName + 1))?.Code);
        Assert.True(CatalogueNames.MaxLayerName + "_hidden_geom_idx".Length <= 63);
        Assert.Equal("invalid-name", CatalogueNames.AttributeProblem(new string('a', CatalogueNames.MaxAttributeName + 1))?.Code);
    }
}
