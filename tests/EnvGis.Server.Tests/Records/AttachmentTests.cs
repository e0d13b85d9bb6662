using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Server.Tests.Records;

[Collection("server")]
public sealed class AttachmentTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    private const int AttachmentTypesMaxName = EnvGis.Core.Records.AttachmentTypes.MaxNameLength;

    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Fact]
    public async Task A_document_goes_up_and_comes_back_with_its_checksum_and_is_soft_deleted_with_an_audit_entry()
    {
        await server.SetScopeAsync("xa-hp061", [Layer]);
        var editor = await server.CreateUserAsync("xa-hp061", "editor");
        using var client = editor.Client(server);
        var id = await CreateDraftAsync(client, "HP061");
        var content = PdfBytes.Concat(RandomNumberGenerator.GetBytes(5000)).ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var uploaded = await UploadAsync(client, id, content, "Biên bản kiểm tra.pdf");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var info = await uploaded.JsonAsync();
        Assert.Equal(sha, info.GetProperty("sha256").GetString());
        Assert.Equal(content.Length, info.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", info.GetProperty("contentType").GetString());
        Assert.Equal("Biên bản kiểm tra.pdf", info.GetProperty("fileName").GetString());
        Assert.Equal(editor.Name, info.GetProperty("uploadedBy").GetString());
        var href = info.GetProperty("href").GetString()!;
        Assert.Equal(href, uploaded.Headers.Location?.OriginalString);

        var list = await (await client.GetAsync($"/api/layers/{Layer}/records/{id}/attachments")).JsonAsync();
        Assert.Equal([info.GetProperty("id").GetInt64()], list.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));

        var download = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Biên bản kiểm tra.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // Stored in the data folder under a generated name, never under wwwroot.
        var stored = await server.ScalarAsync<string>("SELECT stored_path FROM envgis.attachments WHERE id = $1", info.GetProperty("id").GetInt64());
        Assert.Matches("^[0-9a-f]{2}/[0-9a-f]{32}\\.bin$", stored);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(href)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(href)).StatusCode);
        Assert.Empty((await (await client.GetAsync($"/api/layers/{Layer}/records/{id}/attachments")).JsonAsync())
            .GetProperty("attachments").EnumerateArray());
        Assert.Equal(editor.Name, await server.ScalarAsync<string>(
            "SELECT deleted_by FROM envgis.attachments WHERE id = $1 AND deleted_at IS NOT NULL", info.GetProperty("id").GetInt64()));
        Assert.Equal(["attachment.add", "attachment.delete"], await server.ListAsync<string>(
            "SELECT action FROM envgis.audit_log WHERE target = $1 AND action LIKE 'attachment.%' ORDER BY id", $"{Layer}.{id}"));
    }

    [Fact]
    public async Task Oversized_files_other_types_and_disguised_content_are_refused_and_nothing_is_kept()
    {
        await server.SetScopeAsync("xa-hp062", [Layer]);
        var editor = await server.CreateUserAsync("xa-hp062", "editor");
        using var client = editor.Client(server);
        var id = await CreateDraftAsync(client, "HP062");

        var huge = new byte[20 * 1024 * 1024 + 1];
        PdfBytes.CopyTo(huge, 0);
        var tooLarge = await UploadAsync(client, id, huge, "big.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);

        var script = await UploadAsync(client, id, Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), "run.sh");
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Equal("file", (await script.JsonAsync()).GetProperty("field").GetString());

        var disguised = await UploadAsync(client, id, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "report.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("PDF", (await disguised.JsonAsync()).GetProperty("detail").GetString());

        var empty = await UploadAsync(client, id, [], "empty.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        using var notMultipart = await client.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/attachments", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);

        Assert.Equal(0, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.attachments WHERE layer = $1 AND record_id = $2", Layer, id));
        var uploads = Path.Combine(UploadsRoot(), "");
        Assert.Empty(Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads, "*.part", SearchOption.AllDirectories) : []);

        // Office files and images pass when their content matches.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, id, png, "anh.PNG")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, id, [0x50, 0x4B, 0x03, 0x04, 0, 0], "quyet-dinh.docx")).StatusCode);
    }

    [Fact]
    public async Task Only_writers_of_the_owner_unit_change_documents_and_portal_uploads_need_the_antiforgery_token()
    {
        await server.SetScopeAsync("so-y-te", [Layer], wholeCity: true);
        await server.SetScopeAsync("xa-hp064", [Layer]);
        var editor = await server.CreateUserAsync("so-y-te", "editor");
        var reader = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        var stranger = await server.CreateUserAsync("xa-hp064", "editor");
        using var client = editor.Client(server);
        var id = await CreateDraftAsync(client, "HP063");
        var href = (await (await UploadAsync(client, id, PdfBytes, "giay-phep.pdf")).JsonAsync()).GetProperty("href").GetString()!;

        using (var other = stranger.Client(server))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, id, PdfBytes, "x.pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(href)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(href)).StatusCode);
        }

        // A read-only account sees a published record and its documents, but changes nothing.
        var published = await server.InsertIncidentAsync("so-y-te", "published", await server.InsideAsync("HP063"), "công bố");
        using (var admin = server.Admin())
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(admin, published, PdfBytes, "cong-bo.pdf")).StatusCode);
        }

        using (var reads = reader.Client(server))
        {
            var listed = await (await reads.GetAsync($"/api/layers/{Layer}/records/{published}/attachments")).JsonAsync();
            var publicHref = listed.GetProperty("attachments")[0].GetProperty("href").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await reads.GetAsync(publicHref)).StatusCode);
            var refused = await UploadAsync(reads, published, PdfBytes, "x.pdf");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Forbidden, (await reads.DeleteAsync(publicHref)).StatusCode);
        }

        using (var anonymous = server.Basic())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, id, PdfBytes, "x.pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync(href)).StatusCode);
        }

        // A signed-in browser: the cookie alone is not enough (a cross-site form could send it).
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseUrl };
        var anonymousToken = (await (await browser.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
                   { Content = JsonContent.Create(new { userName = editor.Name, password = editor.Password }) })
        {
            signIn.Headers.Add("X-CSRF-TOKEN", anonymousToken);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(signIn)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(browser, id, PdfBytes, "csrf.pdf")).StatusCode);
        var token = (await (await browser.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(browser, id, PdfBytes, "portal.pdf", token)).StatusCode);
        Assert.Equal(1, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.audit_log WHERE action = 'attachment.add' AND target = $1 AND details->>'channel' = 'portal'", $"{Layer}.{id}"));
        Assert.Equal(0, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.attachments WHERE record_id = $1 AND layer = $2 AND file_name = 'csrf.pdf'", id, Layer));
    }

    [Fact]
    public async Task Anonymous_visitors_download_documents_of_published_public_records_only()
    {
        var at = await server.InsideAsync("HP065");
        var draft = await server.InsertIncidentAsync("xa-hp065", "draft", at, "bản nháp");
        var published = await server.InsertIncidentAsync("xa-hp065", "published", at, "đã công bố");
        using var admin = server.Admin();
        var draftHref = (await (await UploadAsync(admin, draft, PdfBytes, "nhap.pdf")).JsonAsync()).GetProperty("href").GetString()!;
        var publicUpload = await UploadAsync(admin, published, PdfBytes, "cong-bo.pdf");
        Assert.Equal(HttpStatusCode.Created, publicUpload.StatusCode);
        var publicHref = (await publicUpload.JsonAsync()).GetProperty("href").GetString()!;

        using var anonymous = server.Basic();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(draftHref)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/layers/{Layer}/records/{draft}/attachments")).StatusCode);

        var open = await anonymous.GetAsync(publicHref);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(PdfBytes, await open.Content.ReadAsByteArrayAsync());
        var listed = (await (await anonymous.GetAsync($"/api/layers/{Layer}/records/{published}/attachments")).JsonAsync())
            .GetProperty("attachments").EnumerateArray().Single();
        Assert.False(listed.TryGetProperty("uploadedBy", out _)); // who uploaded stays internal

        // Restricted records are not public, whatever their status.
        await server.ScalarAsync<int>($"UPDATE data.{Layer} SET restricted = true WHERE id = $1 RETURNING 1", published);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicHref)).StatusCode);
    }

    [Fact]
    public async Task File_names_with_paths_and_scripts_are_kept_only_as_harmless_text()
    {
        await server.SetScopeAsync("xa-hp066", [Layer]);
        var editor = await server.CreateUserAsync("xa-hp066", "editor");
        using var client = editor.Client(server);
        var id = await CreateDraftAsync(client, "HP066");
        const string hostile = "..\\..\\../wwwroot/\"><img src=x onerror=alert(1)>.pdf";

        var uploaded = await UploadAsync(client, id, PdfBytes, hostile);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var info = await uploaded.JsonAsync();
        var name = info.GetProperty("fileName").GetString()!;
        Assert.DoesNotContain("/", name);
        Assert.DoesNotContain("..", name);
        Assert.DoesNotContain("<", name);
        Assert.DoesNotContain("\"", name);
        Assert.DoesNotContain("\n", name);
        Assert.EndsWith(".pdf", name);

        var download = await client.GetAsync(info.GetProperty("href").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // A very long name is shortened, keeping its extension; a very long "extension" is not one.
        var longName = await UploadAsync(client, id, PdfBytes, new string('a', 300) + ".pdf");
        Assert.Equal(HttpStatusCode.Created, longName.StatusCode);
        Assert.Equal(AttachmentTypesMaxName, (await longName.JsonAsync()).GetProperty("fileName").GetString()!.Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, id, PdfBytes, "a." + new string('p', 300))).StatusCode);

        var wwwroot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        Assert.Empty(Directory.Exists(wwwroot) ? Directory.EnumerateFiles(wwwroot, "*.pdf", SearchOption.AllDirectories) : []);
        var stored = await server.ScalarAsync<string>("SELECT stored_path FROM envgis.attachments WHERE id = $1", info.GetProperty("id").GetInt64());
        Assert.True(File.Exists(Path.Combine(UploadsRoot(), stored)));
    }

    private string UploadsRoot() => server.Services.GetRequiredService<EnvGis.Server.Attachments.AttachmentFiles>().Root;

    private async Task<long> CreateDraftAsync(HttpClient client, string commune)
    {
        var created = await client.PostAsJsonAsync($"/api/layers/{Layer}/records",
            TestPlaces.IncidentFeature(await server.InsideAsync(commune), "hồ sơ " + Guid.NewGuid().ToString("N")[..6]));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long id, byte[] content, string fileName, string? token = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("application/octet-stream");
        if (fileName.All(char.IsAscii))
        {
            // As a hostile client would send it: the name exactly as given, only quotes escaped.
            file.Headers.TryAddWithoutValidation("Content-Disposition",
                $"form-data; name=\"file\"; filename=\"{fileName.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
            form.Add(file);
        }
        else
        {
            form.Add(file, "file", fileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/layers/{Layer}/records/{id}/attachments") { Content = form };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        return await client.SendAsync(request);
    }
}
