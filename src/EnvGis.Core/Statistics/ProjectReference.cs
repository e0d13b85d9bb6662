using EnvGis.Core.Catalogue;

namespace EnvGis.Core.Statistics;

/// <summary>
/// How a record names the EIA project it belongs to (docs/operations.md "Statistics"): an integer
/// attribute <c>project_id</c> holding the id of the project's record in <see cref="ProjectLayer"/>.
/// Any layer whose catalogue has that attribute takes part, so layers added later join by declaring it.
/// </summary>
public static class ProjectReference
{
    public const string ProjectLayer = "eia_projects";
    public const string Attribute = "project_id";

    public static bool References(LayerDefinition layer) =>
        layer.FindAttribute(Attribute) is { Type: AttributeType.Integer };
}
