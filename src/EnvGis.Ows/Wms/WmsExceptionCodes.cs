namespace EnvGis.Ows.Wms;

/// <summary>The exception codes of WMS 1.3.0 (Table E.1) and 1.1.1 (Annex A.3).</summary>
public static class WmsExceptionCodes
{
    public const string InvalidFormat = "InvalidFormat";
    public const string InvalidCrs = "InvalidCRS";
    public const string InvalidSrs = "InvalidSRS";
    public const string LayerNotDefined = "LayerNotDefined";
    public const string StyleNotDefined = "StyleNotDefined";
    public const string LayerNotQueryable = "LayerNotQueryable";
    public const string InvalidPoint = "InvalidPoint";
    public const string CurrentUpdateSequence = "CurrentUpdateSequence";
    public const string InvalidUpdateSequence = "InvalidUpdateSequence";
    public const string MissingDimensionValue = "MissingDimensionValue";
    public const string InvalidDimensionValue = "InvalidDimensionValue";
    public const string OperationNotSupported = "OperationNotSupported";
}
