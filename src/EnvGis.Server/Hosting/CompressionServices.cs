using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace EnvGis.Server.Hosting;

/// <summary>
/// Brotli or gzip for JSON and XML answers (TileJSON, the API, capabilities). Tiles carry their own
/// encodings made once in the tile cache; portal files are the portal's. Never for answers that hold a
/// secret next to text an attacker may choose (BREACH): the antiforgery token is sent uncompressed.
/// </summary>
public static class CompressionServices
{
    private static readonly string[] Types =
    [
        "application/json", "application/problem+json", "application/geo+json", "application/xml", "text/xml",
        "application/gml+xml", "application/vnd.ogc.wms_xml", "application/vnd.ogc.se_xml",
    ];

    public static IServiceCollection AddEnvGisCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = Types;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compresses what <see cref="AddEnvGisCompression"/> allows, except the paths that hold secrets.</summary>
    public static IApplicationBuilder UseEnvGisCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api/account"), branch => branch.UseResponseCompression());
}
