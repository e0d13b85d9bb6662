using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.OpenData;

namespace EnvGis.Ows.Metadata;

/// <summary>Gathers a layer's <see cref="LayerMetadata"/> for a reader: the catalogue entry plus the facts of what that reader may see.</summary>
public sealed class MetadataBuilder(LayerFactsStore facts)
{
    public async Task<LayerMetadata> BuildAsync(LayerDefinition layer, LayerCatalogue catalogue, ReadScope scope, string baseUrl, CancellationToken ct) =>
        new(layer, catalogue.Categories.FirstOrDefault(c => c.Id == layer.Category), await facts.ReadAsync(layer, scope, ct), baseUrl);
}
