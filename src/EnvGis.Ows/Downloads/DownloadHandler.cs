using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.OpenData;
using EnvGis.Data.Sql;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Metadata;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// <c>/ogcapi/collections/{layer}/download/{format}</c> (docs/open-data.md "Downloads"): the whole layer or
/// the part a bbox, datetime, CQL2 filter or property filters select — parsed, typed and turned into SQL by
/// the same code as the OGC API items — as the caller may see it, in any offered CRS. GeoJSON, CSV and KML
/// are streamed from the database; GeoPackage and Shapefile are built in a temporary folder first (they
/// need seeking) that is removed whatever happens. Every download carries the licence, the citation and
/// the metadata, and is marked when it holds data that is not public.
/// </summary>
public sealed class DownloadHandler(FeatureStore store, OgcApiOptions options, DownloadOptions downloads, MetadataBuilder metadata,
    SpatialReferenceStore spatialReferences)
{
    /// <summary>The query parameters a download takes: those of the items resource without paging.</summary>
    public static IReadOnlySet<string> Parameters { get; } =
        ItemsRequest.Parameters.Where(p => p is not ("limit" or "offset")).ToHashSet(StringComparer.Ordinal);

    public async Task HandleAsync(OgcApiContext context, string name, string formatId)
    {
        var layer = context.Layer(name);
        var format = DownloadFormats.Find(formatId)
            ?? throw new OgcApiException(StatusCodes.Status404NotFound, "unknown-format",
                $"There is no download format '{(formatId.Length > 40 ? formatId[..40] + "…" : formatId)}'; offered: {string.Join(", ", DownloadFormats.All.Select(f => f.Id))}.",
                "format");
        context.AllowParameters(Parameters, key => ItemsRequest.IsPropertyFilter(layer, key));
        var request = ItemsRequest.Parse(context.Request.Query, layer, options);
        if (format == DownloadFormats.Kml && (request.Crs.Srid != 4326 || request.Crs.LatLon))
        {
            throw OgcApiException.Invalid("crs", "KML is always in WGS 84 longitude/latitude (CRS84); leave crs out.", "unknown-crs");
        }

        var filter = ItemsFilter.Build(layer, request);
        var query = ItemsQuery.Build(layer, context.Scope, filter, request.Crs, 0, null);
        if (format != DownloadFormats.GeoJson)
        {
            // Files are written in x/y order (easting/longitude first) whatever the CRS's axis order.
            query = query with
            {
                Geometry = new GeometryOutput(GeometryEncoding.Geometry, request.Crs.Srid, request.Crs.System.Decimals) { WithLonLat = format == DownloadFormats.Csv },
            };
        }

        var count = await store.CountAsync(query, context.Aborted);
        if (count > downloads.MaxFeatures)
        {
            throw new OgcApiException(StatusCodes.Status413PayloadTooLarge, "too-many-features",
                $"The download would hold {count} features; at most {downloads.MaxFeatures} are offered at once. Narrow it with bbox or filter.");
        }

        var terms = new DownloadTerms(layer, await HoldsNonPublicAsync(query, count, context.Aborted));
        var layerMetadata = await metadata.BuildAsync(layer, context.Catalogue, context.Scope, ServiceBase(context), context.Aborted);
        var links = Links(context, layer, layerMetadata);
        var response = context.Response;
        response.Headers[DownloadTerms.UseHeader] = terms.Use;
        response.Headers["Content-Crs"] = $"<{OgcCrs.Uri(request.Crs)}>";
        response.Headers.Append(HeaderNames.Link, string.Join(", ", links.Select(LinkHeader)));
        var fileName = layer.Name + (terms.NonPublic ? "-not-for-commercial-use" : "") + "." + format.Extension;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();

        if (format == DownloadFormats.GeoPackage || format == DownloadFormats.Shapefile)
        {
            await WriteFileAsync(context, layer, format, query, terms, layerMetadata, request.Crs);
            return;
        }

        await using var reader = await store.OpenAsync(query, context.Aborted);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.MediaType + "; charset=utf-8";
        if (format == DownloadFormats.GeoJson)
        {
            await GeoJsonDownload.WriteAsync(response, layer, reader, terms, links, context.Aborted);
        }
        else if (format == DownloadFormats.Csv)
        {
            response.ContentType = format.MediaType + "; charset=utf-8; header=present";
            await CsvDownload.WriteAsync(response.Body, reader, context.Aborted);
        }
        else
        {
            await KmlDownload.WriteAsync(response.Body, layer, reader, terms, layerMetadata.MetadataUrl, context.Aborted);
        }
    }

    /// <summary>
    /// Whether the download holds data the public may not see (an authorised account's unpublished or
    /// restricted records, or a restricted layer): then it is marked not for commercial use (Art. 9.3).
    /// </summary>
    private async Task<bool> HoldsNonPublicAsync(FeatureQuery query, long count, CancellationToken ct)
    {
        if (query.Scope.IsAnonymous)
        {
            return false;
        }

        if (!ReadScope.Anonymous.CanSee(query.Layer))
        {
            return true;
        }

        return await store.CountAsync(query with { Scope = ReadScope.Anonymous }, ct) != count;
    }

    private async Task WriteFileAsync(OgcApiContext context, LayerDefinition layer, DownloadFormat format, FeatureQuery query, DownloadTerms terms,
        LayerMetadata layerMetadata, CrsReference crs)
    {
        var ct = context.Aborted;
        var folder = Path.Combine(downloads.TempDirectory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var wkt = await spatialReferences.WktAsync(crs.Srid, ct);
            var metadataXml = IsoMetadataWriter.ToXml(layerMetadata);
            string path;
            if (format == DownloadFormats.GeoPackage)
            {
                path = Path.Combine(folder, layer.Name + ".gpkg");
                await using var reader = await store.OpenAsync(query, ct);
                await using var file = await GeoPackageFile.CreateAsync(path, ct);
                await file.AddSpatialReferenceAsync(crs.Srid, crs.System.Name, wkt, ct);
                if (crs.Srid != 4326)
                {
                    await file.AddSpatialReferenceAsync(4326, "WGS 84", await spatialReferences.WktAsync(4326, ct), ct);
                }

                await file.WriteFeaturesAsync(layer, reader, crs.Srid, terms.Text(layerMetadata.MetadataUrl), ct);
                await file.AddMetadataAsync(layer.Name, GeoPackageFile.IsoStandardUri, "text/xml", metadataXml, ct);
                await file.AddMetadataAsync(layer.Name, "http://www.isotc211.org/2005/gmd#MD_LegalConstraints", "text/plain",
                    terms.Text(layerMetadata.MetadataUrl), ct);
            }
            else
            {
                path = Path.Combine(folder, layer.Name + ".shp.zip");
                var parts = Path.Combine(folder, "parts");
                Directory.CreateDirectory(parts);
                var textColumns = query.Columns.Where(c => ShapefileFields.IsText(c.Type)).Select(c => c.Name).ToList();
                var lengths = await store.MaxByteLengthsAsync(query, textColumns, ct);
                await using var reader = await store.OpenAsync(query, ct);
                await ShapefileDownload.WriteAsync(path, parts, layer, reader, lengths, wkt, terms, metadataXml, layerMetadata.MetadataUrl, ct);
            }

            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = format.MediaType;
            response.ContentLength = new FileInfo(path).Length;
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await source.CopyToAsync(response.Body, ct);
        }
        finally
        {
            DeleteQuietly(folder);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed at the next start (DownloadCleanup) if something still holds it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static List<OgcLink> Links(OgcApiContext context, LayerDefinition layer, LayerMetadata layerMetadata)
    {
        var links = new List<OgcLink>
        {
            new(layerMetadata.MetadataUrl, "describedby", DownloadFormats.IsoMediaType, "ISO 19139"),
            new(layerMetadata.CollectionUrl, "cite-as", MediaTypes.Json, context.Text(layer.Title)),
        };
        if (layer.LicenceUrl is { } licence)
        {
            links.Add(new OgcLink(licence, "license", MediaTypes.Html));
        }

        return links;
    }

    /// <summary>One RFC 8288 link; titles in Vietnamese go in title* (RFC 8187) since header values are ASCII.</summary>
    private static string LinkHeader(OgcLink link)
    {
        var text = new StringBuilder().Append('<').Append(link.Href).Append(">; rel=\"").Append(link.Rel).Append('"');
        if (link.Type is not null)
        {
            text.Append("; type=\"").Append(link.Type).Append('"');
        }

        if (link.Title is not null)
        {
            text.Append("; title*=UTF-8''").Append(Uri.EscapeDataString(link.Title));
        }

        return text.ToString();
    }

    /// <summary>The public base URL of the server (without /ogcapi).</summary>
    public static string ServiceBase(OgcApiContext context) => context.BaseUrl[..^OgcApiContext.Root.Length];
}
