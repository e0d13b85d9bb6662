using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Server.Hosting;

/// <summary>
/// The portal's files from wwwroot (built by src/EnvGis.Portal, docs/portal.md): bundles whose names
/// carry a content hash are cached for a year and never revalidated; index.html (which names the
/// current bundles) is revalidated on every load. The build writes Brotli and gzip copies beside each
/// text file; they are sent to browsers that accept them, so nothing is compressed per request.
/// </summary>
public static partial class PortalStaticFiles
{
    public const string Immutable = "public, max-age=31536000, immutable";
    private const string EncodingItem = "envgis.static.encoding";

    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IApplicationBuilder UsePortalStaticFiles(this IApplicationBuilder app, EnvGisSettings settings)
    {
        var policy = Security.PortalHeaders.Policy(settings.BaseMapUrl, settings.ImageryUrl);
        app.UseDefaultFiles();
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                if (path is not null && Types.TryGetContentType(path, out _) && Precompressed(context, files, path) is { } encoding)
                {
                    context.Items[EncodingItem] = (encoding.Extension, encoding.Name, path);
                    context.Request.Path = path + encoding.Extension;
                }
            }

            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = new CompressedAware(), OnPrepareResponse = file => Prepare(file, policy) });
        return app;
    }

    /// <summary>The precompressed copy of <paramref name="path"/> the client accepts (br before gzip), if the build made one.</summary>
    private static (string Extension, string Name)? Precompressed(HttpContext context, Microsoft.Extensions.FileProviders.IFileProvider files, string path)
    {
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (extension, name) in new[] { (".br", "br"), (".gz", "gzip") })
        {
            if (accepted.Contains(name, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(path + extension).Exists)
            {
                return (extension, name);
            }
        }

        return null;
    }

    private static void Prepare(StaticFileResponseContext file, string policy)
    {
        var response = file.Context.Response;
        var name = file.File.Name;
        if (file.Context.Items[EncodingItem] is ValueTuple<string, string, string> encoding)
        {
            response.Headers.ContentEncoding = encoding.Item2;
            name = encoding.Item3;
        }

        if (name.EndsWith(".br", StringComparison.Ordinal) || name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        Security.PortalHeaders.Apply(response.Headers, name, policy);
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = HashedName().IsMatch(Path.GetFileName(name)) ? Immutable
            : name.EndsWith(".html", StringComparison.Ordinal) ? "no-cache"
            : "public, max-age=3600";
    }

    /// <summary>esbuild's [name]-[hash] file names: an 8-character base32 hash before the extension.</summary>
    [GeneratedRegex(@"-[A-Z0-9]{8}\.(js|css|map)$")]
    private static partial Regex HashedName();

    /// <summary>A .br/.gz copy has the type of the file it compresses.</summary>
    private sealed class CompressedAware : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            var inner = subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal)
                ? subpath[..^3] : subpath;
            return Types.TryGetContentType(inner, out contentType!);
        }
    }
}
