using System.Text.Json.Serialization;
using EnvGis.Core.Security;

namespace EnvGis.Data.Accounts;

/// <summary>A unit with its settings and what the administrator granted it.</summary>
public sealed record UnitSummary
{
    public string Code { get; init; } = "";

    public string NameVi { get; init; } = "";

    public string NameEn { get; init; } = "";

    public string Kind { get; init; } = "";

    public string? CommuneCode { get; init; }

    public bool SelfApprove { get; init; }

    public string NewRecordStatus { get; init; } = "";

    public bool? WholeCity { get; init; }

    public string[]? Communes { get; init; }

    public string[] Layers { get; init; } = [];

    internal const string Select = """
        SELECT n.code AS Code, n.name_vi AS NameVi, n.name_en AS NameEn, n.kind AS Kind, n.commune_code AS CommuneCode,
               n.self_approve AS SelfApprove, n.new_record_status AS NewRecordStatus, s.whole_city AS WholeCity,
               s.communes AS Communes,
               ARRAY(SELECT l.layer FROM envgis.unit_layers AS l WHERE l.unit_code = n.code ORDER BY l.layer) AS Layers
        FROM envgis.units AS n LEFT JOIN envgis.unit_scopes AS s ON s.unit_code = n.code
        """;

    [JsonIgnore]
    public Unit Unit => new(Code, UnitKinds.Parse(Kind), CommuneCode, SelfApprove, NewRecordStatus);

    /// <summary>Where the unit may work, after defaults (null: nowhere).</summary>
    public SpatialScope? Area => UnitScopes.AreaOf(Unit, WholeCity, Communes);
}
