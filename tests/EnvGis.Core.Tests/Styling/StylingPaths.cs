namespace EnvGis.Core.Tests.Styling;

/// <summary>Where the styling tests find the repository's files and their own test data.</summary>
internal static class StylingPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string StylesFolder => Path.Combine(RepositoryRoot, "styles");

    public static string LayersMigration =>
        Path.Combine(RepositoryRoot, "src", "EnvGis.Data", "Migrations", "0002_article5_layers.sql");

    public static string SchemaFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "ogc-schemas");

    public static IReadOnlyList<string> StyleFiles() =>
        Directory.GetFiles(StylesFolder, "*.sld").Order(StringComparer.Ordinal).ToList();

    // Tests run from bin/<config>/<tfm>/: the repository is the first parent holding EnvGis.sln.
    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnvGis.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No EnvGis.sln above {AppContext.BaseDirectory}");
    }
}
