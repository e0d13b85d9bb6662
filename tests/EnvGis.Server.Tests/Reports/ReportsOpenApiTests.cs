using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Reports;

[Collection("server")]
public sealed class ReportsOpenApiTests(ServerFixture server)
{
    [Theory]
    [InlineData("/api/compliance", "get")]
    [InlineData("/api/compliance/board", "get")]
    [InlineData("/api/compliance/mine", "get")]
    [InlineData("/api/compliance/declarations", "post")]
    [InlineData("/api/notices", "get")]
    [InlineData("/api/admin/units/{code}/notice-email", "put")]
    [InlineData("/api/admin/reminders/run", "post")]
    [InlineData("/api/statistics", "get")]
    [InlineData("/api/statistics/yearly", "get")]
    [InlineData("/api/reports/types", "get")]
    [InlineData("/api/reports/types/{code}", "put")]
    [InlineData("/api/reports/obligations", "get")]
    [InlineData("/api/reports/overdue", "get")]
    [InlineData("/api/reports", "post")]
    [InlineData("/api/reports/{id}", "get")]
    [InlineData("/api/reports/{id}/files", "post")]
    [InlineData("/api/reports/{id}/submit", "post")]
    [InlineData("/api/reports/{id}/review", "post")]
    public async Task Every_reports_area_endpoint_is_in_the_OpenAPI_document_with_a_typed_answer_and_its_problems(string path, string method)
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in /openapi/v1.json");
        var operation = item.GetProperty(method);
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("400", out _) || responses.TryGetProperty("401", out _), $"{method} {path} lists no refusals");
        var success = responses.EnumerateObject().First(r => r.Name.StartsWith('2'));
        if (path != "/api/reports/{id}/files" || method != "get")
        {
            Assert.True(success.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(),
                $"{method} {path} has no typed {success.Name} answer");
        }
    }
}
