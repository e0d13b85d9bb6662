using System.Text.RegularExpressions;
using EnvGis.Core.Styling;

namespace EnvGis.Core.Tests.Styling;

/// <summary>The style files read cleanly and cover exactly the catalogue's layers.</summary>
public sealed class StyleFilesTests
{
    public static TheoryData<string> StyleFiles() => new(StylingPaths.StyleFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(StyleFiles))]
    public void Style_file_reads_without_warnings(string fileName)
    {
        var result = Read(fileName);

        Assert.Empty(result.Warnings);
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), result.Style.Layer);
        Assert.Equal(result.Style.Layer, result.Style.Name);
        Assert.NotEmpty(result.Style.Rules);
    }

    [Theory]
    [MemberData(nameof(StyleFiles))]
    public void Style_file_follows_the_conventions(string fileName)
    {
        var style = Read(fileName).Style;

        Assert.NotEqual(style.Title.Vi, style.Title.En);
        Assert.Equal(style.Rules.Count, style.Rules.Select(r => r.Name).Distinct().Count());
        foreach (var rule in style.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Title.Vi));
            Assert.False(string.IsNullOrWhiteSpace(rule.Title.En));
            foreach (var text in rule.Symbolizers.OfType<TextSymbolizer>())
            {
                Assert.Equal("Noto Sans", text.FontFamily);
                Assert.NotNull(text.HaloColor);
                Assert.NotNull(rule.MaxScaleDenominator);
            }
        }
    }

    [Fact]
    public void There_is_one_style_per_catalogue_layer()
    {
        var catalogue = CatalogueLayerNames();
        var styles = StylingPaths.StyleFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.Equal(18, catalogue.Count);
        Assert.Equal(catalogue.Order(), styles.Order()!);
    }

    /// <summary>The layer names of the <c>INSERT INTO catalogue.layers</c> statement of migration 0002.</summary>
    private static HashSet<string> CatalogueLayerNames()
    {
        var sql = File.ReadAllText(StylingPaths.LayersMigration);
        var start = sql.IndexOf("INSERT INTO catalogue.layers", StringComparison.Ordinal);
        Assert.True(start >= 0, "migration 0002 no longer inserts catalogue.layers");
        // Abstracts contain ';', so the statement is taken to end where the next one starts.
        var end = sql.IndexOf("INSERT INTO", start + 1, StringComparison.Ordinal);
        end = end < 0 ? sql.Length : end;
        var rows = Regex.Matches(sql[start..end], @"^\s*\(\s*'([a-z0-9_]+)'\s*,\s*\d+\s*,", RegexOptions.Multiline);
        return rows.Select(m => m.Groups[1].Value).ToHashSet();
    }

    private static SldReadResult Read(string fileName)
    {
        using var stream = File.OpenRead(Path.Combine(StylingPaths.StylesFolder, fileName));
        return SldReader.Read(stream, Path.GetFileNameWithoutExtension(fileName));
    }
}
