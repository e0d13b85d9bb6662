using EnvGis.Core.Filters;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Filters.Cql2;

namespace EnvGis.Ows.Tests.Filters;

/// <summary>The examples of the CQL2 standard (TestData/cql2-examples): text and JSON give the same tree, or the same refusal.</summary>
public sealed class Cql2ExamplesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "cql2-examples");

    /// <summary>
    /// The examples EnvGis must understand; the others use functions, arithmetic or arrays, compare two
    /// geometry literals, or hold an invalid polygon (example 46, 49: a hole outside its shell).
    /// </summary>
    private static readonly HashSet<string> Supported =
    [
        "clause6_02a", "clause6_02d", "clause6_03", "clause7_01", "clause7_02", "clause7_03a", "clause7_03b", "clause7_04",
        "clause7_05", "clause7_07", "clause7_10", "clause7_12", "clause7_13", "clause7_17",
        "example01", "example02", "example03", "example04", "example05a", "example05b", "example06a", "example06b",
        "example07", "example08", "example09", "example10", "example11", "example12", "example13", "example14",
        "example15", "example16", "example17", "example18", "example19", "example20", "example21", "example22",
        "example23", "example24", "example25", "example26", "example27", "example28", "example29", "example30",
        "example31", "example32", "example33", "example34", "example35", "example36", "example36-alt01", "example37",
        "example38", "example38-alt01", "example39", "example40", "example40-alt01", "example41", "example42",
        "example42-alt01", "example43", "example43-alt01", "example44", "example44-alt01", "example45", "example47",
        "example48", "example50", "example51", "example52", "example53", "example54",
        "example54-alt01", "example55", "example55-alt01", "example56", "example57", "example58", "example59",
        "example60", "example61", "example62", "example63", "example64", "example65", "example66", "example67",
        "example70", "example71", "example83", "example84", "example86",
    ];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "text"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_and_json_give_the_same_tree_or_the_same_refusal(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, "text", name + ".txt"));
        var json = File.ReadAllText(Path.Combine(Folder, "json", name.Replace("-alt01", "", StringComparison.Ordinal) + ".json"));
        var (fromText, textError) = Try(() => new Cql2TextParser(Geometries()).Parse(text));
        var (fromJson, jsonError) = Try(() => new Cql2JsonParser(Geometries()).Parse(json));

        Assert.True(Supported.Contains(name) == (fromText is not null), $"{name}: text {(fromText is null ? "refused: " + textError?.Message : "accepted")}");
        Assert.True(Supported.Contains(name) == (fromJson is not null), $"{name}: json {(fromJson is null ? "refused: " + jsonError?.Message : "accepted")}");
        if (fromText is not null)
        {
            Assert.Equal(fromText, fromJson);
        }
        else
        {
            Assert.Equal(textError!.Code, jsonError!.Code);
        }
    }

    private static Cql2Geometries Geometries() => new(CrsReference.Parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "filter-crs"));

    private static (FilterNode? Node, FilterException? Error) Try(Func<FilterNode> parse)
    {
        try
        {
            return (parse(), null);
        }
        catch (FilterException e)
        {
            return (null, e);
        }
    }
}
