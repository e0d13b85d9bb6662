using EnvGis.Core.Reports;
using EnvGis.Core.Values;
using EnvGis.Data.Reports;
using EnvGis.Server.Hosting;

namespace EnvGis.Server.Reports;

/// <summary>
/// What each facility owes (docs/operations.md "Enterprise reports"): for every active report type,
/// every facility of its layer owned by an enterprise (or only those it lists), every period from the
/// type's first period up to the current one (the last <see cref="MaxPeriods"/>), and where its report stands.
/// </summary>
public sealed class ReportObligations(ReportTypeStore types, ReportStore reports, CatalogueProvider catalogue)
{
    public const int MaxPeriods = 24;

    public async Task<IReadOnlyList<Obligation>> ListAsync(string? unit, DateTimeOffset now, CancellationToken ct)
    {
        var today = CityTime.DayOf(now);
        var submissions = (await reports.ListAsync(unit, null, null, ct))
            .ToDictionary(s => (s.TypeId, s.FacilityLayer, s.FacilityId, s.Period));
        var result = new List<Obligation>();
        foreach (var type in await types.ListAsync(activeOnly: true, ct))
        {
            if (catalogue.Current.Find(type.FacilityLayer) is not { } layer)
            {
                continue;
            }

            var periods = Periods(type, today);
            foreach (var facility in await reports.FacilitiesAsync(type, layer, unit, ct))
            {
                foreach (var period in periods)
                {
                    var report = submissions.GetValueOrDefault((type.Id, facility.Layer, facility.Id, period.Key));
                    var overdue = report?.FirstSubmittedAt is null && now >= period.DueAt(type.DueDays);
                    result.Add(new Obligation(type.Code, type.NameVi, type.NameEn, period.Key, period.DueDay(type.DueDays), facility.Layer, facility.Id,
                        facility.Name, facility.Unit, facility.UnitNameVi, facility.UnitNameEn, report?.Status ?? ReportStatus.NotStarted, report?.Id,
                        overdue, RecordLink(facility.Layer, facility.Id)));
                }
            }
        }

        return result.OrderByDescending(o => o.Overdue).ThenBy(o => o.DueDay).ThenBy(o => o.Unit, StringComparer.Ordinal)
            .ThenBy(o => o.FacilityId).ToList();
    }

    public static string RecordLink(string layer, long id) => $"/api/layers/{layer}/records/{id}";

    public static string MapLink(string layer, long id) => $"/#layers={layer}&sel={layer}.{id}";

    /// <summary>The periods owed by <paramref name="today"/>: from the first period to the current one.</summary>
    public static IReadOnlyList<ReportPeriod> Periods(ReportType type, DateOnly today)
    {
        var periods = new List<ReportPeriod>();
        var current = ReportPeriod.Containing(type.Period, today);
        for (var p = ReportPeriod.Parse(type.Period, type.FirstPeriod); p.First <= current.First; p = p.Next)
        {
            periods.Add(p);
        }

        return periods.Count > MaxPeriods ? periods[^MaxPeriods..] : periods;
    }
}
