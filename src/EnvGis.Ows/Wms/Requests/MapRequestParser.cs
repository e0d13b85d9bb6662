using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using SkiaSharp;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>
/// Reads the map parameters shared by GetMap and GetFeatureInfo (KVP, names case-insensitive):
/// LAYERS, STYLES, CRS/SRS, BBOX, WIDTH, HEIGHT, FORMAT, TRANSPARENT, BGCOLOR, EXCEPTIONS, TIME.
/// The image parameters come first and are remembered, so later errors can be drawn as images.
/// </summary>
public sealed class MapRequestParser(WmsOptions options, WmsStyles styles)
{
    public const string LayerPrefix = "envgis:";

    /// <param name="isMap">GetMap: FORMAT is required and errors may be answered as images (EXCEPTIONS); GetFeatureInfo: neither.</param>
    public MapRequest Parse(OwsCall call, bool isMap)
    {
        if (call.Request.IsXml)
        {
            throw new OwsException(OwsException.OperationNotSupported,
                "Map requests are accepted as key-value pairs (GET, or POST as a form), not as XML.", "request");
        }

        var kvp = call.Request.Parameters;
        if (kvp.Get("SLD") is not null || kvp.Get("SLD_BODY") is not null)
        {
            throw new OwsException(OwsException.OptionNotSupported,
                "Styles sent with the request (SLD, SLD_BODY) are not supported; use the layers' named styles.", "SLD");
        }

        var image = ParseImage(kvp, isMap);
        if (isMap)
        {
            image.Remember(call.Http);
        }

        var layers = ParseLayers(call, kvp.Get("LAYERS"), kvp.Get("STYLES"));
        var view = ParseView(kvp, call.Version, image.Width, image.Height);
        var time = TimeFilter.FromRequest(kvp, DateTimeOffset.UtcNow);
        return new MapRequest(layers, view, image, time);
    }

    public ImageRequest ParseImage(KeyValueParameters kvp, bool formatRequired)
    {
        var exceptions = ExceptionFormats.Parse(kvp.Get("EXCEPTIONS"));
        var width = Size(kvp.Get("WIDTH"), "WIDTH", options.MaxWidth);
        var height = Size(kvp.Get("HEIGHT"), "HEIGHT", options.MaxHeight);
        var format = formatRequired ? ImageFormat.Parse(kvp.Get("FORMAT")) : ImageFormat.Find(kvp.Get("FORMAT")) ?? ImageFormat.Png;
        var transparent = Boolean(kvp.Get("TRANSPARENT"), "TRANSPARENT");
        var background = Color(kvp.Get("BGCOLOR"));
        var image = new ImageRequest(width, height, format, transparent, background, exceptions);
        if ((long)width * height > options.MaxPixels)
        {
            throw OwsException.Invalid("WIDTH",
                $"A map of {width} × {height} pixels is larger than the {options.MaxPixels:N0} pixels allowed.");
        }

        return image;
    }

    /// <summary>The layers by name (envgis: prefix optional) with their styles; unknown or unreadable layers are LayerNotDefined.</summary>
    public IReadOnlyList<MapLayer> ParseLayers(OwsCall call, string? layersValue, string? stylesValue)
    {
        if (layersValue is null)
        {
            throw OwsException.Missing("LAYERS");
        }

        var names = layersValue.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length > options.MaxLayers)
        {
            throw OwsException.Invalid("LAYERS", $"At most {options.MaxLayers} layers may be drawn in one map.");
        }

        var styleNames = stylesValue?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (styleNames.Length > 0 && styleNames.Length != names.Length && !(styleNames.Length == 1 && styleNames[0].Length == 0))
        {
            throw new OwsException(WmsExceptionCodes.StyleNotDefined,
                $"STYLES lists {styleNames.Length} styles for {names.Length} layers; give one per layer (empty for the default) or none.", "STYLES");
        }

        var layers = new List<MapLayer>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            var layer = FindLayer(call, names[i], "LAYERS");
            var style = styles.Resolve(layer, i < styleNames.Length ? styleNames[i] : null);
            layers.Add(new MapLayer(layer, style));
        }

        return layers;
    }

    public static LayerDefinition FindLayer(OwsCall call, string name, string locator)
    {
        var plain = name.StartsWith(LayerPrefix, StringComparison.OrdinalIgnoreCase) ? name[LayerPrefix.Length..] : name;
        if (plain.Length > 0 && call.Catalogue.Find(plain) is { } layer && call.Scope.CanSee(layer))
        {
            return layer;
        }

        throw new OwsException(WmsExceptionCodes.LayerNotDefined,
            name.Length == 0 ? "A layer name is empty." : $"There is no layer named '{name}' that you may read.", locator);
    }

    public static MapView ParseView(KeyValueParameters kvp, string version, int width, int height)
    {
        var crsValue = kvp.Get(WmsVersions.CrsParameter(version)) ?? kvp.Get(version == WmsVersions.V111 ? "CRS" : "SRS");
        var crs = MapCrs.Parse(crsValue, version);
        var bboxText = kvp.Get("BBOX") ?? throw OwsException.Missing("BBOX");
        var parts = bboxText.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[4];
        if (parts.Length is not (4 or 5) || !parts.Take(4).Select((p, i) =>
                double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i])).All(ok => ok))
        {
            throw OwsException.Invalid("BBOX", $"BBOX must be four numbers minx,miny,maxx,maxy; got '{bboxText}'.");
        }

        var (minX, minY, maxX, maxY) = crs.LatLon
            ? (numbers[1], numbers[0], numbers[3], numbers[2])
            : (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (!(minX < maxX && minY < maxY))
        {
            throw OwsException.Invalid("BBOX",
                $"BBOX '{bboxText}' is empty or inverted: each minimum must be less than its maximum{(crs.LatLon ? " (WMS 1.3.0 with " + crs.Name + " is lat/lon order)" : "")}.");
        }

        if (crs.Geographic && (minY < -90.000001 || maxY > 90.000001 || minX < -540 || maxX > 540))
        {
            throw OwsException.Invalid("BBOX", $"BBOX '{bboxText}' lies outside the range of geographic coordinates{(crs.LatLon ? " (lat/lon order in WMS 1.3.0)" : "")}.");
        }

        return new MapView(crs, minX, minY, maxX, maxY, width, height);
    }

    private static int Size(string? value, string parameter, int max)
    {
        if (value is null)
        {
            throw OwsException.Missing(parameter);
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
        {
            throw OwsException.Invalid(parameter, $"{parameter} must be a whole number of pixels from 1 to {max}; got '{value}'.");
        }

        return size <= max
            ? size
            : throw OwsException.Invalid(parameter, $"{parameter} {size} is larger than the {max} pixels allowed.");
    }

    private static bool Boolean(string? value, string parameter) => value?.ToUpperInvariant() switch
    {
        null or "FALSE" or "0" => false,
        "TRUE" or "1" => true,
        _ => throw OwsException.Invalid(parameter, $"{parameter} must be TRUE or FALSE; got '{value}'."),
    };

    private static SKColor Color(string? value)
    {
        if (value is null)
        {
            return SKColors.White;
        }

        var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..]
            : value.StartsWith('#') ? value[1..] : value;
        if (hex.Length == 6 && uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        }

        throw OwsException.Invalid("BGCOLOR", $"BGCOLOR must be a colour 0xRRGGBB; got '{value}'.");
    }
}
