using EnvGis.Core.Monitoring;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Checks parsed datalogger entries against the catalogue, the stations and the rules: which station
/// each entry is for (folder and file name must agree), the caller's right to deliver for it, each
/// line's parameter, unit, and time window. Readings of one (station, parameter, time) given twice:
/// the later line wins.
/// </summary>
public sealed class DeliveryResolver(MonitoringCatalogue catalogue, MonitoringRules rules, DateTimeOffset now, DeliveryActor actor)
{
    /// <summary>Every code an entry might name (folders and file name), for looking the stations up at once.</summary>
    public static IEnumerable<string> CandidateCodes(DeliveryEntry entry) =>
        entry.Folders.Concat(DataloggerFileName.Parse(Path.GetFileName(entry.Name))?.StationCandidates ?? []);

    public (Dictionary<(long, short, DateTimeOffset), Reading> Readings, List<Station> Stations, List<DeliveryProblem> Problems) Resolve(
        IReadOnlyList<DeliveryEntry> entries, IReadOnlyDictionary<string, Station> stations)
    {
        var readings = new Dictionary<(long, short, DateTimeOffset), Reading>();
        var problems = new List<DeliveryProblem>();
        var used = new Dictionary<long, Station>();
        // A file names a handful of parameters and units thousands of times: normalise each name once.
        var parameters = new Dictionary<(string Name, string Type), Parameter?>();
        var conversions = new Dictionary<(short Parameter, string Unit), UnitConversion?>();
        var oldest = now.AddDays(-rules.MaxAgeDays);
        var latest = now.AddMinutes(rules.MaxFutureMinutes);
        foreach (var entry in entries)
        {
            var station = StationOf(entry, stations, problems);
            var (lines, lineProblems) = DataloggerParser.Parse(entry.Content, entry.Name);
            problems.AddRange(lineProblems);
            if (station is null)
            {
                continue;
            }

            if (!actor.MayDeliverFor(station))
            {
                problems.Add(new DeliveryProblem(DeliveryProblemCodes.OtherUnitStation,
                    $"Station {station.Code} belongs to another unit; an account delivers only for its own unit's stations.", entry.Name));
                continue;
            }

            used[station.Id] = station;
            if (lines.Count == 0 && lineProblems.Count == 0)
            {
                problems.Add(new DeliveryProblem(DeliveryProblemCodes.NoReadings, "The file holds no reading.", entry.Name));
            }

            foreach (var line in lines)
            {
                if (Check(line, station, entry.Name, problems) is { } reading)
                {
                    readings[(reading.StationId, reading.ParameterId, reading.Time)] = reading;
                }
            }
        }

        return (readings, used.Values.ToList(), problems);

        Reading? Check(DataloggerLine line, Station station, string name, List<DeliveryProblem> found)
        {
            if (!parameters.TryGetValue((line.Parameter, station.StationType), out var known))
            {
                parameters[(line.Parameter, station.StationType)] = known = catalogue.Resolve(line.Parameter, station.StationType);
            }

            if (known is not { } parameter)
            {
                found.Add(new DeliveryProblem(DeliveryProblemCodes.UnknownParameter,
                    $"The parameter '{line.Parameter}' is not in the parameter catalogue (for {station.StationType} stations).", name, line.LineNumber));
                return null;
            }

            if (!conversions.TryGetValue((parameter.Id, line.Unit), out var unit))
            {
                conversions[(parameter.Id, line.Unit)] = unit = catalogue.Conversion(parameter, line.Unit);
            }

            if (unit is not { } conversion)
            {
                found.Add(new DeliveryProblem(DeliveryProblemCodes.UnknownUnit,
                    $"The unit '{line.Unit}' is not known for {parameter.Code} (accepted: {string.Join(", ", catalogue.UnitsOf(parameter).Select(u => u == "" ? "(none)" : u))}).",
                    name, line.LineNumber));
                return null;
            }

            if (line.Time > latest)
            {
                found.Add(new DeliveryProblem(DeliveryProblemCodes.FutureTime,
                    $"The time {line.Time:yyyy-MM-dd HH:mm:ss} (UTC+7) is more than {rules.MaxFutureMinutes} minutes in the future.", name, line.LineNumber));
                return null;
            }

            if (line.Time < oldest)
            {
                found.Add(new DeliveryProblem(DeliveryProblemCodes.TooOld,
                    $"The time {line.Time:yyyy-MM-dd HH:mm:ss} (UTC+7) is older than the {rules.MaxAgeDays}-day window accepted.", name, line.LineNumber));
                return null;
            }

            var value = conversion.Apply(line.Value);
            if (!double.IsFinite(value))
            {
                found.Add(new DeliveryProblem(DeliveryProblemCodes.NonNumericValue, "The value is out of range.", name, line.LineNumber));
                return null;
            }

            return new Reading(station.Id, parameter.Id, line.Time.ToUniversalTime(), value, (short)line.Status);
        }
    }

    /// <summary>The station an entry is for: named by its folder or its file name; both must agree.</summary>
    private static Station? StationOf(DeliveryEntry entry, IReadOnlyDictionary<string, Station> stations, List<DeliveryProblem> problems)
    {
        var fileName = Path.GetFileName(entry.Name);
        var name = DataloggerFileName.Parse(fileName);
        if (name is null)
        {
            problems.Add(new DeliveryProblem(DeliveryProblemCodes.BadFileName,
                "The file name must end in the measurement time and .txt: <station code>_<yyyyMMddHHmmss>.txt.", entry.Name));
            return null;
        }

        var byFolder = entry.Folders.Select(f => stations.GetValueOrDefault(f)).OfType<Station>().DistinctBy(s => s.Id).ToList();
        var byName = name.StationCandidates.Select(c => stations.GetValueOrDefault(c)).OfType<Station>().FirstOrDefault();
        if (byFolder.Count > 1 || (byFolder.Count == 1 && byName is not null && byName.Id != byFolder[0].Id))
        {
            problems.Add(new DeliveryProblem(DeliveryProblemCodes.StationMismatch,
                $"The folder and the file name name different stations ({string.Join(", ", byFolder.Select(s => s.Code).Append(byName?.Code).OfType<string>())}).",
                entry.Name));
            return null;
        }

        var station = byFolder.FirstOrDefault() ?? byName;
        if (station is null)
        {
            var named = name.StationCandidates.LastOrDefault() ?? entry.Folders.LastOrDefault();
            problems.Add(new DeliveryProblem(DeliveryProblemCodes.UnknownStation, named is null
                ? "The file name names no station and the file is not in a station's folder."
                : $"There is no monitoring station with the code '{named}'.", entry.Name));
        }

        return station;
    }
}
