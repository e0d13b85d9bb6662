using System.Net.Http.Headers;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>Attachment uploads that are malformed or hostile: problem details (4xx, never 413 for a small body), nothing stored.</summary>
[Collection("server")]
public sealed class AttachmentHostileTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";
    private const string Unit = "so-khcn";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public static TheoryData<string> Uploads => new()
    {
        "no boundary",
        "empty boundary",
        "boundary of 200 characters",
        "body not matching the boundary",
        "file name with a control character",
        "file name with a NUL",
        "executable named .pdf",
        "two files",
        "no file field",
        "json instead of multipart",
        "unknown record",
        "record id overflow",
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Hostile_uploads_are_refused_and_store_nothing(string what)
    {
        await server.SetScopeAsync(Unit, [Layer], wholeCity: true);
        var editor = await server.CreateUserAsync(Unit, "editor");
        var at = await server.InsideAsync("HP010");
        var id = await server.InsertIncidentAsync(Unit, "draft", at, "Tệp thử " + Guid.NewGuid().ToString("N")[..6]);
        using var client = editor.Client(server);
        var uploads = Directory.Exists(UploadsFolder) ? Directory.GetFiles(UploadsFolder, "*", SearchOption.AllDirectories).Length : 0;
        var before = await server.FingerprintAsync();

        var path = what switch
        {
            "unknown record" => $"/api/layers/{Layer}/records/999999999/attachments",
            "record id overflow" => $"/api/layers/{Layer}/records/99999999999999999999999/attachments",
            _ => $"/api/layers/{Layer}/records/{id}/attachments",
        };
        HttpContent content = what switch
        {
            "no boundary" => Raw("multipart/form-data", Multipart("b0undary", "report.pdf", Pdf)),
            "empty boundary" => Raw("multipart/form-data; boundary=\"\"", Multipart("b0undary", "report.pdf", Pdf)),
            "boundary of 200 characters" => Raw($"multipart/form-data; boundary={new string('b', 200)}", Multipart(new string('b', 200), "report.pdf", Pdf)),
            "body not matching the boundary" => Raw("multipart/form-data; boundary=other", Multipart("b0undary", "report.pdf", Pdf)),
            "file name with a control character" => Raw("multipart/form-data; boundary=b0undary", Multipart("b0undary", "re\u0001port.pdf", Pdf)),
            "file name with a NUL" => Raw("multipart/form-data; boundary=b0undary", Multipart("b0undary", "re\u0000port.pdf", Pdf)),
            "executable named .pdf" => Raw("multipart/form-data; boundary=b0undary", Multipart("b0undary", "report.pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3])),
            "two files" => Raw("multipart/form-data; boundary=b0undary", Multipart("b0undary", "a.pdf", Pdf, "b.pdf")),
            "no file field" => new MultipartFormDataContent { { new StringContent("x"), "notfile" } },
            "json instead of multipart" => new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json"),
            _ => new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "report.pdf" } },
        };
        var problem = await AssertProblemAsync(client, Post(path, content));
        Assert.NotEqual(413, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, await server.FingerprintAsync());
        Assert.Equal(uploads, Directory.Exists(UploadsFolder) ? Directory.GetFiles(UploadsFolder, "*", SearchOption.AllDirectories).Length : 0);
    }

    private string UploadsFolder => Path.Combine(server.Services.GetService(typeof(EnvGis.Server.Hosting.EnvGisSettings)) is EnvGis.Server.Hosting.EnvGisSettings s
        ? s.DataDirectory : "", "uploads");

    private static ByteArrayContent Raw(string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static byte[] Multipart(string boundary, string fileName, byte[] file, string? secondFile = null)
    {
        using var body = new MemoryStream();
        void Part(string name)
        {
            var header = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n";
            body.Write(Encoding.UTF8.GetBytes(header));
            body.Write(file);
            body.Write("\r\n"u8);
        }

        Part(fileName);
        if (secondFile is not null)
        {
            Part(secondFile);
        }

        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return body.ToArray();
    }
}
