namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>
/// An ordinary Unix account made for one test (the tests run as root, as CI does) and removed after it,
/// to show what a user without root rights gets.
/// </summary>
public sealed class ThrowawayUser : IAsyncDisposable
{
    private ThrowawayUser(string name) => Name = name;

    public string Name { get; }

    public static async Task<ThrowawayUser> CreateAsync()
    {
        Assert.True(Environment.UserName == "root", "making a throwaway user needs root (CI runs the tests as root)");
        var name = "envgis-t" + Guid.NewGuid().ToString("N")[..8];
        var result = await ExternalTool.RunAsync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name]);
        Assert.True(result.ExitCode == 0, "useradd: " + result.Everything);
        return new ThrowawayUser(name);
    }

    /// <summary>Gives <paramref name="path"/> to the user with mode 0700 (private, as a home folder).</summary>
    public async Task OwnPrivateFolderAsync(string path)
    {
        Directory.CreateDirectory(path);
        var result = await ExternalTool.RunAsync("chown", ["-R", $"{Name}:{Name}", path]);
        Assert.True(result.ExitCode == 0, "chown: " + result.Everything);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public async ValueTask DisposeAsync() => await ExternalTool.RunAsync("userdel", [Name]);
}
