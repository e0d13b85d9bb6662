using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.WfsTransaction;

namespace EnvGis.Server.Tests.Security;

/// <summary>What a write path answered: whether it reported success, and a summary for failure messages.</summary>
public sealed record WriteResponse(bool Succeeded, string Summary)
{
    public static async Task<WriteResponse> FromAsync(HttpResponseMessage response, Func<string, bool>? success = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        var ok = response.IsSuccessStatusCode && (success?.Invoke(body) ?? true);
        return new WriteResponse(ok, $"{(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
    }
}

/// <summary>A way to write and read records: the JSON API, or WFS-T in one version.</summary>
public interface IWritePath
{
    Task<WriteResponse> InsertAsync(ServerFixture server, HttpClient client, string layer, (double Lon, double Lat) at, string name);

    Task<WriteResponse> UpdateAsync(ServerFixture server, HttpClient client, string layer, long id, int version, string name);

    Task<bool> ReadsAsync(ServerFixture server, HttpClient client, string layer, long id);
}

public static class WritePaths
{
    public static IReadOnlyDictionary<string, IWritePath> All { get; } = new Dictionary<string, IWritePath>
    {
        ["api"] = new ApiPath(),
        ["wfs-t 1.0.0"] = new WfsPath("1.0.0"),
        ["wfs-t 1.1.0"] = new WfsPath("1.1.0"),
        ["wfs-t 2.0.0"] = new WfsPath("2.0.0"),
        ["ogcapi"] = new OgcApiPath(),
    };

    /// <summary>OGC API – Features Part 4 for writes (POST, PATCH with If-Match), its items for reads.</summary>
    private sealed class OgcApiPath : IWritePath
    {
        public async Task<WriteResponse> InsertAsync(ServerFixture server, HttpClient client, string layer, (double Lon, double Lat) at, string name) =>
            await WriteResponse.FromAsync(await client.PostAsync($"/ogcapi/collections/{layer}/items",
                new StringContent(System.Text.Json.JsonSerializer.Serialize(TestPlaces.IncidentFeature(at, name)), System.Text.Encoding.UTF8, "application/geo+json")));

        public async Task<WriteResponse> UpdateAsync(ServerFixture server, HttpClient client, string layer, long id, int version, string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"/ogcapi/collections/{layer}/items/{id}")
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { properties = new { name } }), System.Text.Encoding.UTF8, "application/merge-patch+json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return await WriteResponse.FromAsync(await client.SendAsync(request));
        }

        /// <summary>Visible as one item and in the items list, consistently.</summary>
        public async Task<bool> ReadsAsync(ServerFixture server, HttpClient client, string layer, long id)
        {
            var one = (await client.GetAsync($"/ogcapi/collections/{layer}/items/{id}")).StatusCode;
            var listed = (await client.GetStringAsync($"/ogcapi/collections/{layer}/items?limit=100000"))
                .Contains($"\"id\":{id},", StringComparison.Ordinal);
            if ((one == HttpStatusCode.OK) != listed || one is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                throw new InvalidOperationException($"Channels disagree on {layer}.{id}: GET {one}, list {listed}");
            }

            return listed;
        }
    }

    /// <summary>WFS-T in one version for writes, WFS GetFeature by id in the same version for reads.</summary>
    private sealed class WfsPath(string version) : IWritePath
    {
        public async Task<WriteResponse> InsertAsync(ServerFixture server, HttpClient client, string layer, (double Lon, double Lat) at, string name) =>
            await Post(client, Transactions.Document(version, Transactions.Insert(version, Transactions.Incident(version, at.Lon, at.Lat, name))));

        public async Task<WriteResponse> UpdateAsync(ServerFixture server, HttpClient client, string layer, long id, int version_, string name) =>
            await Post(client, Transactions.Document(version, Transactions.Update(version, "envgis:" + layer, [("name", name)],
                Transactions.IdFilter(version, $"{layer}.{id}"))));

        public async Task<bool> ReadsAsync(ServerFixture server, HttpClient client, string layer, long id)
        {
            var ids = version == "2.0.0" ? "RESOURCEID" : "FEATUREID";
            var response = await client.GetAsync($"/wfs?SERVICE=WFS&VERSION={version}&REQUEST=GetFeature&TYPENAME=envgis:{layer}&{ids}={layer}.{id}");
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && body.Contains($"\"{layer}.{id}\"", StringComparison.Ordinal);
        }

        private async Task<WriteResponse> Post(HttpClient client, string document)
        {
            var (status, body, _) = await Transactions.PostAsync(client, document);
            var ok = status == HttpStatusCode.OK && !body.Contains("ExceptionReport", StringComparison.Ordinal);
            return new WriteResponse(ok, $"{(int)status} {(body.Length > 300 ? body[..300] : body)}");
        }
    }

    private sealed class ApiPath : IWritePath
    {
        public async Task<WriteResponse> InsertAsync(ServerFixture server, HttpClient client, string layer, (double Lon, double Lat) at, string name) =>
            await WriteResponse.FromAsync(await client.PostAsync($"/api/layers/{layer}/records",
                System.Net.Http.Json.JsonContent.Create(TestPlaces.IncidentFeature(at, name))));

        public async Task<WriteResponse> UpdateAsync(ServerFixture server, HttpClient client, string layer, long id, int version, string name) =>
            await WriteResponse.FromAsync(await client.PatchAsync($"/api/layers/{layer}/records/{id}",
                System.Net.Http.Json.JsonContent.Create(new { properties = new { name, version } })));

        /// <summary>Visible through the API (one record and the list) and in the vector tile, consistently.</summary>
        public async Task<bool> ReadsAsync(ServerFixture server, HttpClient client, string layer, long id)
        {
            var one = (await client.GetAsync($"/api/layers/{layer}/records/{id}")).StatusCode;
            var listed = false;
            for (var offset = 0; !listed; offset += 500)
            {
                var page = await client.GetStringAsync($"/api/layers/{layer}/records?limit=500&offset={offset}");
                listed = page.Contains($"\"{layer}.{id}\"", StringComparison.Ordinal);
                if (!page.Contains("\"Feature\"", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var xy = await server.ScalarAsync<double[]>($"SELECT ARRAY[ST_X(geom), ST_Y(geom)] FROM data.{layer} WHERE id = $1", id);
            var tiled = (await TestTiles.IdsAsync(client, layer, 15, xy[0], xy[1])).Contains(id);
            if ((one == HttpStatusCode.OK) != listed || listed != tiled || one is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                throw new InvalidOperationException($"Channels disagree on {layer}.{id}: GET {one}, list {listed}, tile {tiled}");
            }

            return listed;
        }
    }
}
