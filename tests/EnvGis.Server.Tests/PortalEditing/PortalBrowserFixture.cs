namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>One headless Chromium per test class (xunit class fixture), closed when the class is done.</summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    public PortalBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await PortalBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
    }
}
