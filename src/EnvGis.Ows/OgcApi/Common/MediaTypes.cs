namespace EnvGis.Ows.OgcApi.Common;

public static class MediaTypes
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string Html = "text/html";
    public const string Problem = "application/problem+json";
    public const string OpenApi = "application/vnd.oai.openapi+json;version=3.0";
    public const string JsonSchema = "application/schema+json";
    public const string MergePatch = "application/merge-patch+json";
}
