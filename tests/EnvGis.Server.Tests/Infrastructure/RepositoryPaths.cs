namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with EnvGis.sln) from the test output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnvGis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EnvGis.sln not found above " + AppContext.BaseDirectory);
    }
}
