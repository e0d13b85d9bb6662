using System.Globalization;
using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Core.Statistics;
using EnvGis.Core.Values;
using EnvGis.Data.Sql;
using EnvGis.Data.Statistics;
using EnvGis.Server.Hosting;
using EnvGis.Server.Reports;
using EnvGis.Server.Security;

namespace EnvGis.Server.Statistics;

/// <summary>
/// Statistics and reports (Art. 2.1, 5.1; docs/operations.md "Statistics"): counts, areas and lengths
/// grouped by category, layer, status, unit, commune, month or project, over exactly what the caller
/// may see (anonymous callers: published, public records of public layers), as JSON or as a CSV,
/// Excel or printable HTML download; and the yearly summary for the state-of-the-environment report.
/// </summary>
public static class StatisticsApi
{
    private static readonly string[] Formats = ["json", "csv", "xlsx", "html"];

    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/statistics").WithTags("Reports").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("", GetAsync)
            .WithSummary("Records, area (m², ha) and length (m, km) grouped by category|layer|status|unit|commune|month|project over what the caller may see; "
                         + "layer= one layer, from/to (YYYY, YYYY-MM or YYYY-MM-DD: the validity period overlaps), format=json|csv|xlsx|html.")
            .Produces<StatisticsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/yearly", YearlyAsync)
            .WithSummary("The yearly summary for the state-of-the-environment report: by category, layer, status, commune and month; format=json|csv|xlsx|html.")
            .Produces<YearlySummary>();
        api.MapGet("/print.css", () => Results.Text(TableHtml.Stylesheet, "text/css; charset=utf-8"))
            .WithSummary("The stylesheet of the printable reports (screen and print).").ExcludeFromDescription();
    }

    private static async Task<IResult> GetAsync(string? group, string? layer, string? from, string? to, string? format, HttpContext context,
        CatalogueProvider catalogue, StatisticsStore store, TimeProvider clock)
    {
        if (!StatisticsGroups.TryParse(group ?? "layer", out var grouping))
        {
            return ReportProblems.Invalid("invalid-group", $"group is one of {string.Join(", ", StatisticsGroups.All.Select(g => g.Name()))}.", "group");
        }

        if (format is not null && !Formats.Contains(format))
        {
            return ReportProblems.Invalid("invalid-format", "format is json, csv, xlsx or html.", "format");
        }

        var scope = context.GetReadScope();
        var layers = catalogue.Current.Layers.Where(scope.CanSee).ToList();
        if (layer is not null)
        {
            // A layer the caller may not open is answered like one that does not exist.
            if (catalogue.Current.Find(layer) is not { } one || !scope.CanSee(one))
            {
                return ReportProblems.Problem(StatusCodes.Status404NotFound, "unknown-layer", "There is no such layer that you may see.", "layer");
            }

            layers = [one];
        }

        DateOnly? first, last;
        try
        {
            first = from is null ? null : CityTime.ParseDays(from).First;
            last = to is null ? null : CityTime.ParseDays(to).Last;
        }
        catch (FormatException e)
        {
            return ReportProblems.Invalid("invalid-date", "from and to are YYYY, YYYY-MM or YYYY-MM-DD: " + e.Message, from is null ? "to" : "from");
        }

        if (grouping == StatisticsGroup.Month)
        {
            last ??= CityTime.Today(clock.GetUtcNow());
            first ??= new DateOnly(last.Value.Year, last.Value.Month, 1).AddMonths(-11);
            var months = (last.Value.Year - first.Value.Year) * 12 + last.Value.Month - first.Value.Month + 1;
            if (months > StatisticsStore.MaxMonths)
            {
                return ReportProblems.Invalid("invalid-range", $"A month-by-month trend spans at most {StatisticsStore.MaxMonths} months.", "from");
            }
        }

        if (first > last)
        {
            return ReportProblems.Invalid("invalid-range", "from is after to.", "from");
        }

        var response = await QueryAsync(store, catalogue.Current, scope, layers, grouping, layer, first, last, context.RequestAborted);
        ReportProblems.Private(context);
        var title = $"Thống kê theo {GroupVi(grouping)} / Statistics by {grouping.Name()}";
        return Download(format, response, title, Period(first, last), [Table(title, response)], $"envgis-statistics-{grouping.Name()}");
    }

    private static async Task<IResult> YearlyAsync(int? year, string? format, HttpContext context, CatalogueProvider catalogue, StatisticsStore store,
        TimeProvider clock)
    {
        var which = year ?? CityTime.Today(clock.GetUtcNow()).Year;
        if (which is < 2000 or > 9998)
        {
            return ReportProblems.Invalid("invalid-year", "year is 2000–9998.", "year");
        }

        if (format is not null && !Formats.Contains(format))
        {
            return ReportProblems.Invalid("invalid-format", "format is json, csv, xlsx or html.", "format");
        }

        var scope = context.GetReadScope();
        var layers = catalogue.Current.Layers.Where(scope.CanSee).ToList();
        var (first, last) = (new DateOnly(which, 1, 1), new DateOnly(which, 12, 31));
        async Task<StatisticsResponse> By(StatisticsGroup group) =>
            await QueryAsync(store, catalogue.Current, scope, layers, group, null, first, last, context.RequestAborted);
        var summary = new YearlySummary(which, await By(StatisticsGroup.Category), await By(StatisticsGroup.Layer), await By(StatisticsGroup.Status),
            await By(StatisticsGroup.Commune), await By(StatisticsGroup.Month));
        ReportProblems.Private(context);
        var title = $"Báo cáo tổng hợp năm {which} / Yearly summary {which}";
        ReportTable[] tables =
        [
            Table("Theo nhóm dữ liệu / By category", summary.ByCategory),
            Table("Theo lớp dữ liệu / By layer", summary.ByLayer),
            Table("Theo trạng thái / By status", summary.ByStatus),
            Table("Theo xã, phường / By commune", summary.ByCommune),
            Table("Theo tháng / By month", summary.ByMonth),
        ];
        return Download(format, summary, title, $"Hiện trạng môi trường (Điều 5.1) / State of the environment (Art. 5.1): {first:yyyy-MM-dd} – {last:yyyy-MM-dd}",
            tables, $"envgis-yearly-{which}");
    }

    private static async Task<StatisticsResponse> QueryAsync(StatisticsStore store, LayerCatalogue catalogue, ReadScope scope,
        IReadOnlyList<LayerDefinition> layers, StatisticsGroup group, string? layer, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var rows = await store.QueryAsync(new StatisticsQuery(layers, scope, group, from, to), ct);
        var labels = await store.KeyLabelsAsync(group, ct);
        (string Vi, string En) Label(string key) => group switch
        {
            StatisticsGroup.Layer when catalogue.Find(key) is { } l => (l.Title.Vi, l.Title.En),
            StatisticsGroup.Category when catalogue.Categories.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == key) is { } c =>
                (c.Title.Vi, c.Title.En),
            StatisticsGroup.Status => StatusLabel(key),
            StatisticsGroup.Commune when key.Length == 0 => ("Không thuộc xã nào", "No commune"),
            _ => labels.TryGetValue(key, out var label) ? label : (key, key),
        };
        var items = rows.Select(r =>
        {
            var (vi, en) = Label(r.Key);
            return new StatisticsItem(r.Key, vi, en, r.Count, r.AreaM2, r.AreaHa, r.LengthM, r.LengthKm, r.Added, r.Layers, r.Attachments);
        }).ToList();
        var total = new StatisticsItem("", "Tổng cộng", "Total", rows.Sum(r => r.Count), rows.Sum(r => r.AreaM2), rows.Sum(r => r.AreaM2) / 10_000,
            rows.Sum(r => r.LengthM), rows.Sum(r => r.LengthM) / 1_000, group == StatisticsGroup.Month ? rows.Sum(r => r.Added ?? 0) : null, null,
            null);
        // A month trend counts a record in every month it is valid: its total is not a number of records.
        return new StatisticsResponse(group.Name(), layer, from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), items, total);
    }

    private static ReportTable Table(string title, StatisticsResponse response)
    {
        var month = response.Group == StatisticsGroup.Month.Name();
        var columns = new List<string> { "Mã / Key", "Tên / Name", "Name (en)", "Số bản ghi / Records", "Diện tích / Area (m²)", "Diện tích / Area (ha)",
            "Chiều dài / Length (m)", "Chiều dài / Length (km)" };
        if (month)
        {
            columns.Add("Thêm mới / Added");
        }

        var rows = response.Rows.Append(response.Total).Select(r =>
        {
            var row = new List<object?> { r.Key, r.LabelVi, r.LabelEn, r.Count, r.AreaM2, r.AreaHa, r.LengthM, r.LengthKm };
            if (month)
            {
                row.Add(r.Added);
            }

            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new ReportTable(title, columns, rows);
    }

    private static IResult Download(string? format, object json, string title, string subtitle, IReadOnlyList<ReportTable> tables, string fileName) =>
        format switch
        {
            "csv" => Results.File(TableCsv.Write(tables), "text/csv; charset=utf-8", fileName + ".csv"),
            "xlsx" => Results.File(TableExcel.Write(tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx"),
            "html" => Results.Content(TableHtml.Write(title, subtitle, tables), "text/html; charset=utf-8", Encoding.UTF8),
            _ => Results.Ok(json),
        };

    private static string Period(DateOnly? first, DateOnly? last) =>
        $"Thời kỳ / Period: {first?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} – {last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";

    private static string GroupVi(StatisticsGroup group) => group switch
    {
        StatisticsGroup.Category => "nhóm dữ liệu",
        StatisticsGroup.Layer => "lớp dữ liệu",
        StatisticsGroup.Status => "trạng thái",
        StatisticsGroup.Unit => "đơn vị",
        StatisticsGroup.Commune => "xã, phường",
        StatisticsGroup.Month => "tháng",
        _ => "dự án",
    };

    private static (string Vi, string En) StatusLabel(string status) => status switch
    {
        RecordStatus.Draft => ("Nháp", "Draft"),
        RecordStatus.Submitted => ("Chờ duyệt", "Submitted"),
        RecordStatus.Approved => ("Đã duyệt", "Approved"),
        RecordStatus.Published => ("Đã công bố", "Published"),
        RecordStatus.Rejected => ("Bị trả lại", "Rejected"),
        _ => (status, status),
    };

}
