using System.Net;
using System.Net.Http.Json;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// Documents in Chromium: an editor attaches a PDF to a record in the editor (its name shown as text,
/// never run); once the record is published an anonymous visitor finds the download link in the
/// popup, and the download is the same file.
/// </summary>
[Collection("server")]
public sealed class AttachmentPortalTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task An_editor_attaches_a_document_and_the_public_downloads_it_from_the_popup_once_published()
    {
        const string unit = "xa-hp067";
        await server.SetScopeAsync(unit, [Layer]);
        var editorUser = await server.CreateUserAsync(unit, "editor");
        var approverUser = await server.CreateUserAsync(unit, "approver", holder: "Chủ tịch UBND thử");
        var at = await server.InsideAsync("HP067");
        long id;
        using (var api = editorUser.Client(server))
        {
            var created = await api.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(at, "Sự cố có biên bản"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
        }

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% biên bản\n%%EOF\n");
        const string fileName = "<img src=x onerror=window.__xss=1>bien-ban.pdf";

        var editor = await browsers.Browser.OpenAsync(server);
        await editor.SignInAsync(editorUser.Name, editorUser.Password);
        await editor.Page.Locator("#edit-layer").SelectOptionAsync(Layer);
        await editor.Page.Locator($"li[data-record='{Layer}.{id}'] button[data-action='edit.edit']").ClickAsync();
        var section = editor.Page.Locator("#tabpanel-edit section.attachments");
        await Expect(section).ToContainTextAsync("Chưa có tài liệu");
        await section.Locator("[data-testid=attachment-file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf", Buffer = pdf,
        });
        await section.Locator("[data-testid=attachment-upload]").ClickAsync();
        await Expect(section.Locator("[data-testid=attachment-link]")).ToHaveCountAsync(1);
        await Expect(section.Locator("[data-testid=attachment-link]")).ToContainTextAsync("bien-ban.pdf");
        await Expect(section.Locator(".message")).ToContainTextAsync("SHA-256");
        Assert.Equal(0, await section.Locator("img").CountAsync());
        Assert.Null(await editor.Page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await editor.ScreenshotAsync("attachment-uploaded-in-editor.png");
        Assert.Equal("portal", await server.ScalarAsync<string>(
            "SELECT details->>'channel' FROM envgis.audit_log WHERE action = 'attachment.add' AND target = $1", $"{Layer}.{id}"));

        // Submitted, approved and published through the API; then the public popup offers the download.
        using (var api = editorUser.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/submit", new { version = 1 })).StatusCode);
        }

        using (var api = approverUser.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/approve", new { version = 2 })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/publish", new { version = 3 })).StatusCode);
        }

        var visitor = await browsers.Browser.OpenAsync(server);
        await visitor.Page.Locator($"li.layer[data-layer='{Layer}'] input").CheckAsync();
        await visitor.ViewAsync(at.Lon, at.Lat, 16);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.FeatureIdsAtAsync(Layer, at.Lon, at.Lat));
        await visitor.ClickMapAsync(at.Lon, at.Lat);
        var link = visitor.Page.Locator($".popup section.attachments[data-record='{id}'] [data-testid=attachment-link]");
        await Expect(link).ToHaveCountAsync(1);
        Assert.Equal(0, await visitor.Page.Locator(".popup section.attachments input[type=file]").CountAsync());
        await visitor.ScreenshotAsync("attachment-in-public-popup.png");
        var download = await visitor.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var saved = await download.PathAsync();
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved!));
        Assert.EndsWith("bien-ban.pdf", download.SuggestedFilename);
        Assert.DoesNotContain("<", download.SuggestedFilename);

        editor.Log.AssertClean();
        visitor.Log.AssertClean();
    }
}
