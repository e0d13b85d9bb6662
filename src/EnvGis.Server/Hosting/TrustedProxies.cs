using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EnvGis.Server.Hosting;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed only from the proxies named in <c>ENVGIS_TRUSTED_PROXIES</c>
/// (addresses or networks, comma-separated, e.g. <c>127.0.0.1, 10.0.0.0/8</c>); without it, from nobody, so a
/// client cannot make the server believe another address, scheme or host (docs/hardening.md).
/// </summary>
public static class TrustedProxies
{
    /// <summary>Parses the setting; a bad entry stops the start with a message naming it.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Parse(string? setting)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new InvalidOperationException($"ENVGIS_TRUSTED_PROXIES: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }

        return networks;
    }

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IReadOnlyList<System.Net.IPNetwork> proxies) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in proxies)
            {
                options.KnownIPNetworks.Add(network);
            }
        });

    /// <summary>Reads forwarded headers only when proxies are configured.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<System.Net.IPNetwork> proxies) =>
        proxies.Count > 0 ? app.UseForwardedHeaders() : app;
}
