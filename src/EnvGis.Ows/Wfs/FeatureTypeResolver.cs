using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs;

/// <summary>Turns type names from a request into the feature types the caller may see; others are unknown.</summary>
public static class FeatureTypeResolver
{
    /// <summary>All layers the caller may see, in catalogue order.</summary>
    public static IReadOnlyList<FeatureType> Visible(OwsCall call) =>
        call.Catalogue.Layers.Where(call.Scope.CanSee).Select(FeatureType.Of).ToList();

    public static FeatureType Resolve(OwsCall call, string typeName, string locator)
    {
        var local = FeatureType.LocalName(typeName);
        var layer = call.Catalogue.Find(local);
        if (layer is null || !call.Scope.CanSee(layer))
        {
            // A restricted layer the caller may not read is reported exactly like a missing one.
            throw OwsException.Invalid(locator, $"There is no feature type '{typeName}' that you may read.");
        }

        return FeatureType.Of(layer);
    }

    /// <summary>A comma-separated KVP list (spaces tolerated).</summary>
    public static List<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
