using EnvGis.Core.Monitoring;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// The parameter catalogue as one delivery sees it: parameters, the names dataloggers use for them
/// (per station type first) and the units they may arrive in.
/// </summary>
public sealed class MonitoringCatalogue
{
    private readonly Dictionary<(string Alias, string Type), short> aliases;
    private readonly Dictionary<(short Parameter, string Unit), UnitConversion> units;

    public MonitoringCatalogue(IReadOnlyList<Parameter> parameters, IEnumerable<ParameterAlias> aliases,
        IEnumerable<(short ParameterId, UnitConversion Conversion)> units)
    {
        Parameters = parameters;
        ById = parameters.ToDictionary(p => p.Id);
        this.aliases = aliases.ToDictionary(a => (a.Alias, a.StationType ?? ""), a => a.ParameterId);
        this.units = units.ToDictionary(u => (u.ParameterId, u.Conversion.Unit), u => u.Conversion);
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public IReadOnlyDictionary<short, Parameter> ById { get; }

    public Parameter? FindByCode(string code) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parameter a datalogger means by <paramref name="name"/> at a station of <paramref name="stationType"/>.</summary>
    public Parameter? Resolve(string name, string stationType)
    {
        var alias = MonitoringNames.Parameter(name);
        return aliases.TryGetValue((alias, stationType), out var id) || aliases.TryGetValue((alias, ""), out id) ? ById[id] : null;
    }

    /// <summary>How a value in <paramref name="unit"/> becomes the parameter's canonical unit, or null when the unit is not known for it.</summary>
    public UnitConversion? Conversion(Parameter parameter, string unit) =>
        units.GetValueOrDefault((parameter.Id, MonitoringNames.Unit(unit)));

    /// <summary>The units a parameter is accepted in (for messages).</summary>
    public IEnumerable<string> UnitsOf(Parameter parameter) =>
        units.Keys.Where(k => k.Parameter == parameter.Id).Select(k => k.Unit).Order(StringComparer.Ordinal);
}
