using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Reports;

/// <summary>An enterprise of its own with one facility (a waste source), and a yearly report type that only that facility owes.</summary>
public static class ReportTestSupport
{
    public sealed record Setup(string Enterprise, long Facility, string Type, TestUser Reporter);

    public static async Task<Setup> EnterpriseWithReportTypeAsync(this ServerFixture server)
    {
        var enterprise = "dn-" + Guid.NewGuid().ToString("N")[..10];
        using var admin = server.Admin();
        var created = await admin.PostAsJsonAsync("/api/admin/units",
            new { code = enterprise, nameVi = "Công ty thử " + enterprise, nameEn = "Test company " + enterprise, kind = "enterprise", communeCode = "HP012" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var at = await server.InsideAsync("HP012");
        var facility = await server.ScalarAsync<long>(
            """
            INSERT INTO data.waste_sources (name, source_type, owner_unit, status, created_by, updated_by, geom)
            VALUES ('Nhà máy thử ' || $1, 'industrial', $1, 'published', 'test', 'test', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id
            """, enterprise, at.Lon, at.Lat);
        var type = "bc_" + Guid.NewGuid().ToString("N")[..10];
        var put = await admin.PutAsJsonAsync($"/api/reports/types/{type}", new
        {
            nameVi = "Báo cáo công tác bảo vệ môi trường", nameEn = "Environmental protection report", period = "year", dueDays = 90,
            firstPeriod = "2024", facilityLayer = "waste_sources", facilityIds = new[] { facility },
            fields = new object[]
            {
                new { name = "wastewater_m3", type = "number", required = true, labelVi = "Nước thải (m³)", labelEn = "Wastewater (m³)" },
                new { name = "summary", type = "text", required = false, labelVi = "Tóm tắt", labelEn = "Summary" },
            },
            attachmentKinds = new[] { new { code = "monitoring_results", labelVi = "Kết quả quan trắc", labelEn = "Monitoring results" } },
        });
        Assert.True(put.StatusCode == HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
        var reporter = await server.CreateUserAsync(enterprise, "reporter");
        return new Setup(enterprise, facility, type, reporter);
    }

    public static async Task<HttpResponseMessage> UploadPdfAsync(this HttpClient client, long report, string kind)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% test report\n%%EOF\n"));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", "ket-qua-quan-trac.pdf");
        return await client.PostAsync($"/api/reports/{report}/files?kind={kind}", form);
    }
}
