using System.Text.Json;

namespace EnvGis.Core.Styling;

/// <summary>The JSON settings of the portal's style format (web defaults: camelCase).</summary>
public static class StyleJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(LayerStyle style) => JsonSerializer.Serialize(style, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
