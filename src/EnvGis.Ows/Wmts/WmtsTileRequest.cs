using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Wmts;

/// <summary>A parsed GetTile (KVP or REST): which layer in which style, format, matrix set, level, row and column.</summary>
public sealed record WmtsTileRequest(
    LayerDefinition Layer, RenderStyle Style, ImageFormat Format, TileMatrixSet Set, TileMatrix Matrix, long Row, long Column)
{
    public const string TileOutOfRange = "TileOutOfRange";

    /// <summary>The formats tiles come in (PNG with transparency, JPEG on white).</summary>
    public static IReadOnlyList<ImageFormat> Formats { get; } = [ImageFormat.Png, ImageFormat.Jpeg];

    /// <summary>Checks every part against the catalogue, the styles and the matrix set; refusals are OWS exceptions with their locator.</summary>
    public static WmtsTileRequest Parse(OwsCall call, WmsStyles styles, string? layer, string? style, string? format,
        string? set, string? matrix, string? row, string? column)
    {
        var definition = layer is { Length: > 0 } && call.Catalogue.Find(Plain(layer)) is { } found && call.Scope.CanSee(found)
            ? found
            : throw (layer is null ? OwsException.Missing("LAYER") : OwsException.Invalid("LAYER", $"There is no layer named '{layer}' that you may read."));
        RenderStyle renderStyle;
        try
        {
            renderStyle = styles.Resolve(definition, style ?? throw OwsException.Missing("STYLE"), "STYLE");
        }
        catch (OwsException e) when (e.Code != OwsException.MissingParameterValue)
        {
            throw OwsException.Invalid("STYLE", e.Message);
        }

        var imageFormat = Formats.FirstOrDefault(f => f == ImageFormat.Find(format ?? throw OwsException.Missing("FORMAT")))
            ?? throw OwsException.Invalid("FORMAT", $"Tiles come as {string.Join(" or ", Formats.Select(f => f.MimeType))}; got '{format}'.");
        var matrixSet = TileMatrixSets.Find(set ?? throw OwsException.Missing("TILEMATRIXSET"))
            ?? throw OwsException.Invalid("TILEMATRIXSET", $"The tile matrix sets are {string.Join(", ", TileMatrixSets.All.Select(s => s.Identifier))}; got '{set}'.");
        var level = matrixSet.Find(matrix ?? throw OwsException.Missing("TILEMATRIX"))
            ?? throw OwsException.Invalid("TILEMATRIX", $"Tile matrix set {matrixSet.Identifier} has the tile matrices 0 to {matrixSet.Matrices.Count - 1}; got '{matrix}'.");
        var tileRow = Index(row, "TILEROW", level.MatrixHeight);
        var tileColumn = Index(column, "TILECOL", level.MatrixWidth);
        return new WmtsTileRequest(definition, renderStyle, imageFormat, matrixSet, level, tileRow, tileColumn);
    }

    /// <summary>The image this tile is drawn as: 256 pixels square, transparent PNG or JPEG on white.</summary>
    public ImageRequest Image => new(TileMatrix.TileSize, TileMatrix.TileSize, Format, Format.SupportsTransparency,
        SkiaSharp.SKColors.White, ExceptionFormat.Xml);

    public MapView View
    {
        get
        {
            var (minX, minY, maxX, maxY) = Matrix.Box(Row, Column);
            return new MapView(new MapCrs(Set.Crs, false, Set.CrsUrn), minX, minY, maxX, maxY, TileMatrix.TileSize, TileMatrix.TileSize);
        }
    }

    private static string Plain(string name) =>
        name.StartsWith(MapRequestParser.LayerPrefix, StringComparison.OrdinalIgnoreCase) ? name[MapRequestParser.LayerPrefix.Length..] : name;

    private static long Index(string? value, string parameter, long size)
    {
        if (value is null)
        {
            throw OwsException.Missing(parameter);
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw OwsException.Invalid(parameter, $"{parameter} must be a whole number from 0 to {size - 1}; got '{value}'.");
        }

        return index < size
            ? index
            : throw new OwsException(TileOutOfRange, $"{parameter} {index} is outside the tile matrix (0 to {size - 1}).", parameter);
    }
}
