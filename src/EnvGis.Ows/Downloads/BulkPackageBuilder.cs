using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Exchange;
using EnvGis.Data.Features;
using EnvGis.Data.OpenData;
using EnvGis.Data.Sql;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Metadata;
using EnvGis.Ows.OgcApi.Items;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// The bulk package for the Ministry (Art. 11.2, docs/open-data.md "Bulk package"): one GeoPackage with a
/// feature table per public layer holding what the public sees (published, not restricted), each with
/// its ISO 19139 record and terms, plus the current version of every shared category list as attribute
/// tables. Built into a temporary file and moved into place whole, so the latest package is always complete;
/// one build at a time, older packages beyond the last two removed.
/// </summary>
public sealed class BulkPackageBuilder(FeatureStore store, MetadataBuilder metadata, SpatialReferenceStore spatialReferences, CodeListStore codeLists,
    DownloadOptions options)
{
    public const string FilePrefix = "envgis-package-";
    private const int Kept = 2;

    private readonly SemaphoreSlim building = new(1, 1);

    public string Folder => options.PackageDirectory;

    /// <summary>The latest complete package, or null before the first build.</summary>
    public BulkPackage? Latest()
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        var file = Directory.EnumerateFiles(Folder, FilePrefix + "*.gpkg").Order(StringComparer.Ordinal).LastOrDefault();
        if (file is null)
        {
            return null;
        }

        var info = new FileInfo(file);
        return new BulkPackage(file, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), info.Length, []);
    }

    public async Task<BulkPackage> BuildAsync(LayerCatalogue catalogue, string baseUrl, CancellationToken ct)
    {
        await building.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Folder);
            var builtAt = DateTimeOffset.UtcNow;
            var name = FilePrefix + builtAt.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".gpkg";
            var temporary = Path.Combine(Folder, "." + name + ".part");
            var layers = new List<string>();
            try
            {
                await using (var file = await GeoPackageFile.CreateAsync(temporary, ct))
                {
                    await file.AddSpatialReferenceAsync(4326, "WGS 84", await spatialReferences.WktAsync(4326, ct), ct);
                    foreach (var layer in catalogue.Layers.Where(ReadScope.Anonymous.CanSee))
                    {
                        var layerMetadata = await metadata.BuildAsync(layer, catalogue, ReadScope.Anonymous, baseUrl, ct);
                        var query = ItemsQuery.Build(layer, ReadScope.Anonymous, null, CrsReference.Default, 0, null) with
                        {
                            Geometry = new GeometryOutput(GeometryEncoding.Geometry, 4326, CoordinateSystems.Wgs84.Decimals),
                        };
                        var terms = new DownloadTerms(layer, NonPublic: false);
                        await using (var reader = await store.OpenAsync(query, ct))
                        {
                            await file.WriteFeaturesAsync(layer, reader, 4326, terms.Text(layerMetadata.MetadataUrl), ct);
                        }

                        await file.AddMetadataAsync(layer.Name, GeoPackageFile.IsoStandardUri, "text/xml", IsoMetadataWriter.ToXml(layerMetadata), ct);
                        layers.Add(layer.Name);
                    }

                    await WriteCodeListsAsync(file, ct);
                }

                var target = Path.Combine(Folder, name);
                File.Move(temporary, target);
                Prune();
                return new BulkPackage(target, builtAt, new FileInfo(target).Length, layers);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>Two attribute tables: the lists (code, titles, version) and every entry of their current versions.</summary>
    private async Task WriteCodeListsAsync(GeoPackageFile file, CancellationToken ct)
    {
        var lists = await codeLists.ListAsync(ct);
        await file.WriteAttributesAsync("code_lists", "Danh mục dùng chung / Shared category lists",
            ["code", "title_vi", "title_en", "version", "published_at"],
            lists.Select(l => (IReadOnlyList<object?>)[l.Code, l.TitleVi, l.TitleEn, l.CurrentVersion, l.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)]), ct);
        var items = new List<IReadOnlyList<object?>>();
        foreach (var list in lists.Where(l => l.CurrentVersion > 0))
        {
            if (await codeLists.ReadAsync(list.Code, null, ct) is { } version)
            {
                items.AddRange(version.Items.Select(i => (IReadOnlyList<object?>)[list.Code, version.Version, i.Code, i.LabelVi, i.LabelEn, i.Parent]));
            }
        }

        await file.WriteAttributesAsync("code_list_items", "Mục của danh mục dùng chung (phiên bản hiện hành) / Entries of the current versions",
            ["list", "version", "code", "label_vi", "label_en", "parent"], items, ct);
    }

    private void Prune()
    {
        foreach (var old in Directory.EnumerateFiles(Folder, FilePrefix + "*.gpkg").Order(StringComparer.Ordinal).SkipLast(Kept))
        {
            File.Delete(old);
        }
    }
}
