using EnvGis.Core.Security;
using EnvGis.Core.Statistics;
using Npgsql;

namespace EnvGis.Data.Catalogue;

/// <summary>Removing a layer (docs/catalogue.md "Removing a layer"): refused while anything depends on it; otherwise its table is archived.</summary>
public sealed partial class CatalogueEditor
{
    /// <summary>
    /// Layers that are never removed: those the server itself names (the communes of spatial scopes, the
    /// monitoring stations, the EIA projects of statistics per project) and those docs/contract.md
    /// promises to outside clients.
    /// </summary>
    public static IReadOnlyList<string> SystemLayers { get; } =
    [
        SpatialScopes.CommuneLayer, "monitoring_stations", ProjectReference.ProjectLayer,
        "protected_areas", "polluted_zones", "sensitive_zones", "industrial_parks", "river_basins", "rivers", "coastline",
    ];

    /// <summary>
    /// Removes a layer from the catalogue; its table moves to the archive schema with every record
    /// (catalogue.archive_layer_table). Returns the archived table's name.
    /// </summary>
    public Task<string> RemoveLayerAsync(string layer, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        await LockLayerAsync(c, layer, ct);
        await RefuseDependedOnAsync(c, layer, ct);

        var before = await c.ScalarAsync<string>("SELECT catalogue.layer_json(@layer)::text", ct, ("layer", layer));
        var grants = await c.ListAsync<string>("SELECT unit_code FROM envgis.unit_layers WHERE layer = @layer ORDER BY unit_code", ct, ("layer", layer));
        var records = await c.ScalarAsync<long>($"SELECT count(*) FROM {Table(layer)}", ct);
        var change = await HistoryAsync(c, user, "remove-layer", layer, null, null, before, null, ct);

        // Every node reloads the catalogue on this entry; the delete below then writes the layer's last one ("dropped").
        await AnnounceAsync(c, [layer], ct);
        var archived = await c.ScalarAsync<string>("SELECT catalogue.archive_layer_table(@layer, @change)", ct, ("layer", layer), ("change", change));
        await c.ExecuteAsync("SAVEPOINT remove_layer", ct);
        try
        {
            await c.ExecuteAsync("DELETE FROM catalogue.layers WHERE name = @layer", ct, ("layer", layer));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw CatalogueRefusal.Conflict("layer-in-use", "layer", $"'{e.TableName}' still names the layer: change it first.");
        }

        await c.ExecuteAsync("""
            UPDATE catalogue.history SET after = jsonb_build_object('archivedAs', @archived::text, 'records', @records, 'grantedTo', @grants::text[])
            WHERE id = @change
            """, ct, ("archived", archived), ("records", records), ("grants", grants.ToArray()), ("change", change));
        return archived;
    }, ct);

    private static async Task RefuseDependedOnAsync(CatalogueTransaction c, string layer, CancellationToken ct)
    {
        var types = await c.ListAsync<string>("SELECT code FROM reports.report_types WHERE facility_layer = @layer ORDER BY code", ct, ("layer", layer));
        if (types.Count > 0)
        {
            throw CatalogueRefusal.Conflict("layer-in-use", "layer",
                $"Enterprise report types name it as their facilities' layer ({string.Join(", ", types)}): change or retire them first.");
        }

        if (layer == ProjectReference.ProjectLayer)
        {
            var referring = new List<string>();
            foreach (var other in await c.ListAsync<string>(
                         "SELECT layer FROM catalogue.attributes WHERE name = @attribute AND type = 'integer' AND layer <> @layer ORDER BY layer", ct,
                         ("attribute", ProjectReference.Attribute), ("layer", layer)))
            {
                if (await c.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {Table(other)} WHERE {Column(ProjectReference.Attribute)} IS NOT NULL)", ct))
                {
                    referring.Add(other);
                }
            }

            if (referring.Count > 0)
            {
                throw CatalogueRefusal.Conflict("layer-referenced", "layer",
                    $"Records of {string.Join(", ", referring)} name its records in '{ProjectReference.Attribute}': they would point at nothing.");
            }
        }

        if (await c.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM catalogue.attributes WHERE layer = @layer AND measured)", ct, ("layer", layer))
            || SystemLayers.Contains(layer))
        {
            throw CatalogueRefusal.Conflict("layer-in-use", "layer",
                $"The server itself or its published contract relies on '{layer}' (spatial scopes, monitoring, statistics per project, docs/contract.md): it cannot be removed.");
        }
    }
}
