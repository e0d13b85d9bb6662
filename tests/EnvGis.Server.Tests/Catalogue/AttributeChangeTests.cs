using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using static EnvGis.Server.Tests.Catalogue.CatalogueClient;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// Attributes added, changed and removed on a layer with records: the table follows in the same
/// transaction, changes that would break data are refused, removed values are kept, and every change
/// is in the catalogue's history.
/// </summary>
[Collection("catalogue")]
public sealed class AttributeChangeTests(CatalogueNodes nodes)
{
    private const string Layer = "water_intakes";
    private const double Lon = 106.6300, Lat = 20.8800;

    [Fact]
    public async Task Attributes_are_added_changed_and_removed_on_a_layer_with_records_keeping_the_data()
    {
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", new
        {
            name = Layer, category = 8, geometryType = "Point", title = new { vi = "Điểm lấy nước", en = "Water intakes" },
            labelAttribute = "name",
            attributes = new object[]
            {
                new { name = "name", type = "text", required = true, label = new { vi = "Tên", en = "Name" } },
                new { name = "capacity", type = "text", label = new { vi = "Công suất", en = "Capacity" } },
            },
        })).StatusCode);
        var first = await PublishedRecordAsync(admin, Layer, Lon, Lat, new { name = "Trạm An Dương", capacity = "100" });
        var second = await PublishedRecordAsync(admin, Layer, Lon + 0.0003, Lat, new { name = "Trạm Vĩnh Bảo", capacity = "250" });

        // An optional attribute: free, served at once.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes",
            new { name = "operator_name", type = "text", label = new { vi = "Đơn vị vận hành", en = "Operator" } })).StatusCode);
        Assert.Contains("name=\"operator_name\"", await admin.GetStringAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=envgis:{Layer}"));

        // A required attribute needs a default on a layer with records; with one, every record gets it.
        var refused = await admin.PostAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes",
            new { name = "licensed", type = "boolean", required = true, label = new { vi = "Có giấy phép", en = "Licensed" } });
        await CatalogueClient.AssertProblemAsync(refused, HttpStatusCode.Conflict, "required-needs-default", "required");
        Assert.Equal(0, await ColumnCountAsync("licensed"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes",
            new { name = "licensed", type = "boolean", required = true, @default = "true", label = new { vi = "Có giấy phép", en = "Licensed" } })).StatusCode);
        Assert.Equal([true, true], await nodes.ListAsync<bool>($"SELECT licensed FROM data.{Layer} ORDER BY id"));
        Assert.Equal("NO", await nodes.ScalarAsync<string>(
            $"SELECT is_nullable::text FROM information_schema.columns WHERE table_schema = 'data' AND table_name = '{Layer}' AND column_name = 'licensed'"));

        // A type change converts every value, or is refused with nothing changed.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes/capacity", new { type = "integer" })).StatusCode);
        Assert.Equal([100, 250], await nodes.ListAsync<int>($"SELECT capacity FROM data.{Layer} ORDER BY id"));
        await CatalogueClient.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes/name", new { type = "integer" }),
            HttpStatusCode.Conflict, "type-not-convertible", "type");
        Assert.Equal("text", await nodes.ScalarAsync<string>(
            $"SELECT data_type::text FROM information_schema.columns WHERE table_schema = 'data' AND table_name = '{Layer}' AND column_name = 'name'"));
        await CatalogueClient.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes/operator_name", new { required = true }),
            HttpStatusCode.Conflict, "required-has-empty-values", "required");

        // Allowed values: a list the records' values fit, its labels, then one they do not fit.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes/operator_name", new
        {
            allowedValues = new[] { "water_company", "commune" },
            valueLabels = new Dictionary<string, object> { ["water_company"] = new { vi = "Công ty cấp nước", en = "Water company" }, ["commune"] = new { vi = "Xã", en = "Commune" } },
            label = new { vi = "Đơn vị quản lý", en = "Managed by" },
        })).StatusCode);
        var listed = (await ListedLayerAsync(admin, Layer))!.Value;
        var operatorName = listed.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "operator_name");
        Assert.Equal("Managed by", operatorName.GetProperty("label").GetProperty("en").GetString());
        Assert.Equal("Công ty cấp nước", operatorName.GetProperty("valueLabels").GetProperty("water_company").GetProperty("vi").GetString());
        await using (var connection = new Npgsql.NpgsqlConnection(nodes.ConnectionString))
        {
            await connection.OpenAsync();
            // A value the new check refuses is refused by the database too (the table follows the catalogue).
            await using var bad = new Npgsql.NpgsqlCommand($"UPDATE data.{Layer} SET operator_name = 'nobody' WHERE id = {first}", connection);
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => bad.ExecuteNonQueryAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/layers/{Layer}/records/{second}",
            new { properties = new { operator_name = "commune", version = await nodes.ScalarAsync<int>($"SELECT version FROM data.{Layer} WHERE id = {second}") } })).StatusCode);
        await CatalogueClient.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes/operator_name",
            new { allowedValues = new[] { "water_company" } }), HttpStatusCode.Conflict, "allowed-values-in-use", "allowedValues");

        // Removal keeps the values: in catalogue.retired_values and in the records' history; readers no longer see it.
        var removed = await admin.DeleteAsync($"/api/admin/catalogue/layers/{Layer}/attributes/capacity");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(2, (await removed.JsonAsync()).GetProperty("retiredValues").GetInt64());
        Assert.Equal(0, await ColumnCountAsync("capacity"));
        Assert.Equal(["100", "250"], await nodes.ListAsync<string>(
            $"SELECT value::text FROM catalogue.retired_values WHERE layer = '{Layer}' AND attribute = 'capacity' ORDER BY record_id"));
        Assert.Equal("100", await nodes.ScalarAsync<string>(
            $"SELECT after_attributes ->> 'capacity' FROM envgis.record_history WHERE layer = '{Layer}' AND record_id = {first} AND action = 'insert'"));
        Assert.DoesNotContain("capacity", AttributeNames((await ListedLayerAsync(admin, Layer))!.Value));
        var features = XDocument.Parse(await admin.GetStringAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:{Layer}"));
        Assert.DoesNotContain(features.Descendants(), e => e.Name.LocalName == "capacity");
        Assert.Contains(features.Descendants(), e => e.Name.LocalName == "licensed");
        var tile = await TileFeaturesAsync(admin, Layer, Lon, Lat);
        Assert.False(tile[first].ContainsKey("capacity"));
        Assert.Equal(true, tile[first]["licensed"]);
        // The name can be used again: a new column, no old values.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/admin/catalogue/layers/{Layer}/attributes",
            new { name = "capacity", type = "number", label = new { vi = "Công suất (m³/ngày)", en = "Capacity (m³/day)" } })).StatusCode);
        Assert.Equal(0, await nodes.ScalarAsync<long>($"SELECT count(capacity) FROM data.{Layer}"));

        // The history says who did what, with the entries before and after, newest first.
        var history = (await (await admin.GetAsync($"/api/admin/catalogue/history?layer={Layer}")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["add-attribute", "remove-attribute", "change-attribute", "change-attribute", "add-attribute", "add-attribute", "add-layer"],
            history.Select(h => h.GetProperty("action").GetString()));
        Assert.All(history, h => Assert.Equal("admin", h.GetProperty("userName").GetString()));
        var retype = history[2];
        Assert.Equal("operator_name", retype.GetProperty("attribute").GetString());
        Assert.Equal(JsonValueKind.Null, retype.GetProperty("before").GetProperty("allowed_values").ValueKind);
        Assert.Equal(2, retype.GetProperty("after").GetProperty("allowed_values").GetArrayLength());
        Assert.Equal("integer", history[1].GetProperty("before").GetProperty("type").GetString());
        Assert.Equal(2, history[1].GetProperty("after").GetProperty("retiredValues").GetInt64());
        Assert.Equal(2, history[^1].GetProperty("after").GetProperty("attributes").GetArrayLength());
    }

    private Task<long> ColumnCountAsync(string column) => nodes.ScalarAsync<long>(
        $"SELECT count(*) FROM information_schema.columns WHERE table_schema = 'data' AND table_name = '{Layer}' AND column_name = $1", column);
}
