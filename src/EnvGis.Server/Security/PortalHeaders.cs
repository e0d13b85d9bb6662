namespace EnvGis.Server.Security;

/// <summary>
/// Security headers of the map portal's files (docs/hardening.md, "Headers"): a Content-Security-Policy
/// that allows only this server's scripts, styles, data and images (plus the optional external base maps'
/// images), no framing by other sites, no referrer sent to other sites, and no content-type guessing.
/// </summary>
public static class PortalHeaders
{
    /// <summary>Adds the headers to the response of the portal file <paramref name="fileName"/>.</summary>
    public static void Apply(IHeaderDictionary headers, string fileName, string policy)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = policy;
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), usb=()";
        }
    }

    /// <summary>The portal's Content-Security-Policy; the origins of the external base maps (street map, imagery) may serve images.</summary>
    public static string Policy(params string?[] externalTileUrls)
    {
        var sources = externalTileUrls.Select(BaseMapSource).OfType<string>().Distinct(StringComparer.Ordinal);
        var images = string.Join(' ', new[] { "'self' data: blob:" }.Concat(sources));
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src {images}",
            "connect-src 'self'",
            "font-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");
    }

    /// <summary>The CSP source of an XYZ template such as https://{a-c}.tile.example.org/{z}/{x}/{y}.png (a templated first label becomes *).</summary>
    private static string? BaseMapSource(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var templated = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]*\\}", "0");
        if (!Uri.TryCreate(templated, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/')[0];
        var host = authority.StartsWith('{') ? "*" + parsed.Authority[parsed.Authority.IndexOf('.', StringComparison.Ordinal)..] : parsed.Authority;
        return $"{parsed.Scheme}://{host}";
    }
}
