using System.Globalization;
using EnvGis.Data.Features;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wfs.Output;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>
/// GetFeature (and the GetFeatureById stored query): counts the matches of every query, pages over
/// their concatenation (ordered by sort keys then id, so pages are stable), then streams each
/// query's page from a sequential reader straight into the response.
/// </summary>
public sealed class GetFeatureHandler(FeatureStore store, OwsOptions options, StreamSlots slots)
{
    public async Task HandleAsync(OwsCall call)
    {
        var request = call.Request.Body is { } body
            ? GetFeatureXml.Parse(body, call.Version)
            : GetFeatureKvp.Parse(call.Request.Parameters, call.Version);
        var plans = QueryPlanner.Plan(call, request);
        using var slot = slots.Enter(call.Http);
        var pages = await PageAsync(call, request, plans);
        var output = request.Format.IsJson
            ? (FeatureOutput)new GeoJsonFeatureOutput(call.Response)
            : new GmlFeatureOutput(call.Response, request.Format);
        await WriteAsync(call, output, pages, plans, request);
    }

    /// <summary>The matches and the page (offset, limit) of each plan.</summary>
    public async Task<PagedResult> PageAsync(OwsCall call, GetFeatureRequest request, IReadOnlyList<QueryPlan> plans)
    {
        var matched = new long[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            matched[i] = await store.CountAsync(plans[i].Query, call.Aborted);
        }

        var total = matched.Sum();
        if (request.ById && total == 0)
        {
            var id = request.Queries[0].Filter is Core.Filters.ResourceIdNode ids ? ids.Ids[0] : "";
            throw new OwsException(OwsException.NotFound, $"There is no feature '{id}' that you may read.", "ID");
        }

        var defaultCount = call.Version == WfsVersions.V200 ? options.CountDefault : options.MaxCount;
        var limit = Math.Min(request.Count ?? defaultCount, options.MaxCount);
        var skip = request.StartIndex;
        var take = limit;
        var pages = new (long Offset, long Limit)[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            var offset = Math.Min(skip, matched[i]);
            skip -= offset;
            var count = Math.Min(matched[i] - offset, take);
            take -= count;
            pages[i] = (offset, count);
        }

        var returned = pages.Sum(p => p.Limit);
        string? next = null, previous = null;
        if (!call.Request.IsXml && request.ResultType == ResultType.Results)
        {
            if (request.StartIndex + limit < total && limit > 0)
            {
                next = PageUrl(call, request.StartIndex + limit, limit);
            }

            if (request.StartIndex > 0)
            {
                previous = PageUrl(call, Math.Max(0, request.StartIndex - limit), limit);
            }
        }

        return new PagedResult(total, request.ResultType == ResultType.Hits ? 0 : returned, pages, next, previous);
    }

    private async Task WriteAsync(OwsCall call, FeatureOutput output, PagedResult result, IReadOnlyList<QueryPlan> plans, GetFeatureRequest request)
    {
        await using (output)
        {
            var info = new CollectionInfo(result.Matched, call.Version == WfsVersions.V200 || request.ResultType == ResultType.Results ? result.Returned : result.Matched,
                result.Next, result.Previous, plans.Select(p => p.Type).ToList(), call.ServiceUrl, call.Version, request.ById,
                plans.Count > 0 ? plans[0].OutputCrs.Srid : null);
            if (request.ResultType == ResultType.Hits)
            {
                await output.StartAsync(info);
                await output.EndAsync();
                return;
            }

            // Open the first reader before writing anything, so that query errors still become exception reports.
            FeatureReader? reader = null;
            var started = false;
            for (var i = 0; i < plans.Count; i++)
            {
                var (offset, limit) = result.Pages[i];
                if (limit == 0)
                {
                    continue;
                }

                reader = await store.OpenAsync(plans[i].Query with { Offset = offset, Limit = limit }, call.Aborted);
                await using (reader)
                {
                    if (!started)
                    {
                        await output.StartAsync(info);
                        started = true;
                    }

                    while (await reader.ReadAsync(call.Aborted))
                    {
                        await output.WriteAsync(plans[i], reader);
                    }
                }
            }

            if (!started)
            {
                await output.StartAsync(info);
            }

            await output.EndAsync();
        }
    }

    private static string PageUrl(OwsCall call, long startIndex, long count)
    {
        var pairs = call.Request.Parameters.All
            .Where(p => !p.Key.Equals("startindex", StringComparison.OrdinalIgnoreCase)
                && !p.Key.Equals("count", StringComparison.OrdinalIgnoreCase)
                && !p.Key.Equals("maxfeatures", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")
            .Append("STARTINDEX=" + startIndex.ToString(CultureInfo.InvariantCulture))
            .Append("COUNT=" + count.ToString(CultureInfo.InvariantCulture));
        return call.ServiceUrl + "?" + string.Join('&', pairs);
    }
}

/// <summary>Matches over all queries, the features returned, each query's page and the paging links.</summary>
public sealed record PagedResult(long Matched, long Returned, IReadOnlyList<(long Offset, long Limit)> Pages, string? Next, string? Previous);
