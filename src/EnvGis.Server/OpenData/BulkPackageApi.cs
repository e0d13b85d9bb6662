using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Downloads;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.OpenData;

/// <summary>
/// The bulk package (docs/open-data.md "Bulk package"): connection accounts and the administrator download
/// the latest one, or have one built now; the schedule (<see cref="BulkPackageSchedule"/>) builds one regularly.
/// </summary>
public static class BulkPackageApi
{
    public const string Path = "/api/exchange/package";

    public static void MapBulkPackageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Exchange").AddEndpointFilter(new AntiforgeryFilter());
        api.MapGet("/", LatestAsync)
            .WithSummary("The latest bulk package: a GeoPackage of every published layer with its ISO 19139 metadata and the shared category lists.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geopackage+sqlite3")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", BuildAsync).WithSummary("Builds a bulk package now and returns where to download it.")
            .Produces<PackageResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static IResult LatestAsync(HttpContext context, BulkPackageBuilder builder)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        if (ExchangeAccess.Refusal(context, "download the bulk package") is { } refusal)
        {
            return refusal;
        }

        return builder.Latest() is { } package
            ? Results.File(package.Path, DownloadFormats.GeoPackage.MediaType, package.FileName, new DateTimeOffset(File.GetLastWriteTimeUtc(package.Path)), enableRangeProcessing: true)
            : OpenDataProblems.Problem(StatusCodes.Status404NotFound, "no-package-yet", "No bulk package has been built yet; POST to build one.");
    }

    private static async Task<IResult> BuildAsync(HttpContext context, BulkPackageBuilder builder, CatalogueProvider catalogues)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (ExchangeAccess.Refusal(context, "build a bulk package") is { } refusal)
        {
            return refusal;
        }

        var package = await builder.BuildAsync(catalogues.Current, ServiceUrl.Base(context.Request), context.RequestAborted);
        var url = ServiceUrl.Base(context.Request) + Path;
        return Results.Created(url, new PackageResponse(url, package.FileName, package.BuiltAt, package.Bytes, package.Layers));
    }
}
