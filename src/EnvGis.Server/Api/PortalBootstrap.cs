using System.Text.Json;

namespace EnvGis.Server.Api;

/// <summary>
/// The portal's one start-up call: config, the signed-in account (null when anonymous) with its
/// antiforgery token, whether a session cookie was sent that no longer holds a session, the
/// categories with the layers the caller may see, each layer's style and tile URLs.
/// </summary>
public sealed record PortalBootstrap(
    PortalConfig Config,
    AccountResponse? Account,
    string? AntiforgeryToken,
    bool SessionEnded,
    IReadOnlyList<CategoryResponse> Categories,
    IReadOnlyDictionary<string, JsonElement> Styles,
    IReadOnlyDictionary<string, PortalTiles> Tiles);
