using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;

namespace EnvGis.Server.Tests.Portal;

/// <summary>
/// The portal's security headers (docs/hardening.md): the Content-Security-Policy holds (an injected inline
/// handler does not run) and the portal itself breaks none of it in Chromium.
/// </summary>
[Collection("server")]
public sealed class PortalSecurityHeadersTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task The_portal_page_sends_the_security_headers()
    {
        using var response = await server.Client.GetAsync("/");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_map_works_without_any_policy_violation_and_injected_inline_code_does_not_run()
    {
        var portal = await browsers.Browser.OpenAsync(server);
        await portal.Page.EvaluateAsync("""
            () => { window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); }
            """);
        await portal.Page.Locator("li.layer[data-layer='protected_areas'] input").CheckAsync();
        await portal.ViewAsync(106.9, 20.8, 11);
        await portal.WaitForTilesAsync();
        await portal.Page.ReloadAsync();
        await portal.WaitForMapAsync();
        await portal.WaitForTilesAsync();
        portal.Log.AssertClean();

        // What an injection would try: an inline event handler. The policy stops it, and says so.
        portal.Log.Allow(p => p.Contains("Content Security Policy", StringComparison.Ordinal));
        await portal.Page.EvaluateAsync("""
            () => { window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective)); }
            """);
        await portal.Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img id=\"injected\" src=\"data:,\" onerror=\"window.__ran = 1\">')");
        await portal.Page.WaitForFunctionAsync("() => window.__violations.length > 0");
        Assert.Null(await portal.Page.EvaluateAsync<int?>("() => window.__ran ?? null"));
        Assert.Contains("script-src", string.Join(' ', await portal.Page.EvaluateAsync<string[]>("() => window.__violations")));
        await portal.CloseAsync();
    }
}
