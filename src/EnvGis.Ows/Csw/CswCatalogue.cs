using EnvGis.Core.Filters;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Metadata;

namespace EnvGis.Ows.Csw;

/// <summary>
/// The catalogue a caller searches: one record per layer the caller may see (the same visibility as
/// every channel, so restricted layers are absent for the public), built from the same
/// <see cref="LayerMetadata"/> as the ISO records; constraints are evaluated in memory by the shared
/// <see cref="FilterEvaluator"/> (a dozen records, no SQL needed).
/// </summary>
public sealed class CswCatalogue(MetadataBuilder builder)
{
    public async Task<IReadOnlyList<CswRecord>> RecordsAsync(OwsCall call)
    {
        var baseUrl = ServiceUrl.Base(call.Http.Request);
        var records = new List<CswRecord>();
        foreach (var layer in call.Catalogue.Layers.Where(call.Scope.CanSee))
        {
            records.Add(new CswRecord(await builder.BuildAsync(layer, call.Catalogue, call.Scope, baseUrl, call.Aborted)));
        }

        return records;
    }

    /// <summary>The records the constraint accepts, sorted as asked (catalogue order otherwise).</summary>
    public static IReadOnlyList<CswRecord> Select(IReadOnlyList<CswRecord> records, CswQuery query)
    {
        List<CswRecord> selected;
        try
        {
            selected = records.Where(r => FilterEvaluator.Untyped.Accepts(query.Constraint, r.Value)).ToList();
        }
        catch (FilterException e)
        {
            throw OwsException.Invalid("Constraint", e.Message);
        }

        if (query.SortBy is { } property)
        {
            selected = (query.Descending
                ? selected.OrderByDescending(r => r.Value(property) as string, StringComparer.Ordinal)
                : selected.OrderBy(r => r.Value(property) as string, StringComparer.Ordinal)).ToList();
        }

        return selected;
    }

    public async Task<CswRecord?> FindAsync(OwsCall call, string identifier) =>
        MetadataIdentifiers.LayerOf(identifier) is { } name && call.Catalogue.Find(name) is { } layer && call.Scope.CanSee(layer)
            ? new CswRecord(await builder.BuildAsync(layer, call.Catalogue, call.Scope, ServiceUrl.Base(call.Http.Request), call.Aborted))
            : null;
}
