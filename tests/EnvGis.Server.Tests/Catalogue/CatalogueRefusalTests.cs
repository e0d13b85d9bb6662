using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// Catalogue changes that would break data, use a bad or reserved name, or come from someone other
/// than the administrator are refused with a problem code naming the member at fault, and change nothing:
/// not the catalogue, its version or history, nor any table.
/// </summary>
[Collection("catalogue")]
public sealed class CatalogueRefusalTests(CatalogueNodes nodes)
{
    private static object Layer(string name, object[]? attributes = null, int category = 11, string geometryType = "Point",
        object? title = null, string? labelAttribute = null) => new
    {
        name, category, geometryType, labelAttribute,
        title = title ?? new { vi = "Lớp thử", en = "Test layer" },
        attributes = attributes ?? [new { name = "name", type = "text", label = new { vi = "Tên", en = "Name" } }],
    };

    private static object Attribute(string name, string type = "text", object? allowedValues = null, bool required = false) =>
        new { name, type, required, allowedValues, label = new { vi = "Thuộc tính", en = "Attribute" } };

    public static TheoryData<string, string, string, object?, int, string, string?> Refusals => new()
    {
        { "not snake_case", "POST", "/layers", Layer("Noise Sources"), 400, "invalid-name", "name" },
        { "double underscore", "POST", "/layers", Layer("noise__sources"), 400, "invalid-name", "name" },
        { "too long", "POST", "/layers", Layer(new string('a', 41)), 400, "invalid-name", "name" },
        { "SQL reserved word", "POST", "/layers", Layer("select"), 400, "reserved-name", "name" },
        { "system name", "POST", "/layers", Layer("monitoring"), 400, "reserved-name", "name" },
        { "XML reserved", "POST", "/layers", Layer("xml_layer"), 400, "reserved-name", "name" },
        { "clash with a layer", "POST", "/layers", Layer("rivers"), 409, "layer-exists", "name" },
        { "no such category", "POST", "/layers", Layer("bad_category", category: 12), 400, "unknown-category", "category" },
        { "unknown geometry", "POST", "/layers", Layer("bad_geometry", geometryType: "Polygon"), 400, "invalid-geometry-type", "geometryType" },
        { "title without English", "POST", "/layers", Layer("bad_title", title: new { vi = "Lớp", en = " " }), 400, "invalid-title", "title.en" },
        { "reserved attribute", "POST", "/layers", Layer("bad_attribute", [Attribute("status")]), 400, "reserved-name", "attributes[0].name" },
        { "attribute is an SQL word", "POST", "/layers", Layer("bad_attribute", [Attribute("order")]), 400, "reserved-name", "attributes[0].name" },
        { "unknown type", "POST", "/layers", Layer("bad_type", [Attribute("level", "float")]), 400, "invalid-type", "attributes[0].type" },
        { "allowed values of a number", "POST", "/layers", Layer("bad_values", [Attribute("level", "integer", new[] { "1", "2" })]), 400, "allowed-values-text-only", "attributes[0].allowedValues" },
        { "repeated allowed values", "POST", "/layers", Layer("bad_values", [Attribute("kind", "text", new[] { "a", "a" })]), 400, "invalid-allowed-values", "attributes[0].allowedValues" },
        { "attribute twice", "POST", "/layers", Layer("bad_twice", [Attribute("kind"), Attribute("kind")]), 409, "attribute-exists", "attributes[1].name" },
        { "label attribute missing", "POST", "/layers", Layer("bad_label", labelAttribute: "title"), 400, "invalid-label-attribute", "labelAttribute" },
        { "required on a layer with records", "POST", "/layers/rivers/attributes", Attribute("basin_code", required: true), 409, "required-needs-default", "required" },
        { "attribute clash", "POST", "/layers/rivers/attributes", Attribute("name"), 409, "attribute-exists", "name" },
        { "bad default", "POST", "/layers/rivers/attributes", new { name = "length_m", type = "integer", required = true, @default = "long", label = new { vi = "Dài", en = "Length" } }, 400, "invalid-default", "default" },
        { "type that cannot convert", "PUT", "/layers/rivers/attributes/name", new { type = "date" }, 409, "type-not-convertible", "type" },
        { "type of a measured value", "PUT", "/layers/monitoring_stations/attributes/aqi_at", new { type = "date" }, 409, "measured-attribute", "type" },
        { "allowed values in use", "PUT", "/layers/protected_areas/attributes/kind", new { allowedValues = new[] { "nothing_like_it" } }, 409, "allowed-values-in-use", "allowedValues" },
        { "rename an attribute", "PUT", "/layers/rivers/attributes/name", new { name = "title" }, 400, "name-fixed", "name" },
        { "unknown attribute", "PUT", "/layers/rivers/attributes/nothing", new { required = false }, 404, "unknown-attribute", "name" },
        { "remove the label attribute", "DELETE", "/layers/protected_areas/attributes/name", null, 409, "label-attribute", "name" },
        { "remove a measured value", "DELETE", "/layers/monitoring_stations/attributes/aqi", null, 409, "measured-attribute", "name" },
        { "remove an identifying attribute", "DELETE", "/layers/monitoring_stations/attributes/code", null, 409, "attribute-indexed", "name" },
        { "geometry of a layer with records", "PUT", "/layers/rivers", new { geometryType = "MultiPolygon" }, 409, "geometry-type-has-records", "geometryType" },
        { "rename a layer", "PUT", "/layers/rivers", new { name = "streams" }, 400, "name-fixed", "name" },
        { "unknown layer", "PUT", "/layers/nothing_here", new { title = new { vi = "x", en = "x" } }, 404, "unknown-layer", "layer" },
        { "remove the communes", "DELETE", "/layers/communes", null, 409, "layer-in-use", "layer" },
        { "remove the monitoring stations", "DELETE", "/layers/monitoring_stations", null, 409, "layer-in-use", "layer" },
        { "remove a layer of the contract", "DELETE", "/layers/rivers", null, 409, "layer-in-use", "layer" },
        { "remove an unknown layer", "DELETE", "/layers/nothing_here", null, 404, "unknown-layer", "layer" },
        { "unknown category", "PUT", "/categories/99", new { title = new { vi = "x", en = "x" } }, 404, "unknown-category", "id" },
        { "not JSON", "POST", "/layers", "{ name: ", 400, "invalid-json", null },
        { "control character", "POST", "/layers", Layer("bad_text", title: new { vi = "Lớp\u0007", en = "Layer" }), 400, "invalid-text", null },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_change_that_would_break_data_or_names_is_refused_and_changes_nothing(
        string why, string method, string path, object? body, int status, string code, string? field)
    {
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        var before = await StateAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/admin/catalogue" + path)
        {
            Content = body switch
            {
                null => null,
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body),
            },
        };
        var response = await admin.SendAsync(request);
        await CatalogueClient.AssertProblemAsync(response, (HttpStatusCode)status, code, field);
        Assert.True(before == await StateAsync(), $"{why}: something changed");
    }

    [Fact]
    public async Task Only_the_administrator_changes_the_catalogue_and_only_from_the_server_s_own_origin()
    {
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        var unit = $"cat-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/units",
            new { code = unit, nameVi = "Phòng thử", nameEn = "Test office", kind = "city_department" })).StatusCode);
        const string password = "Catalogue-test-pw-17";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = unit + "-editor", unit, role = "editor", password })).StatusCode);
        var before = await StateAsync();
        var body = Layer("editor_layer");

        using var anonymous = CatalogueNodes.Client(nodes.NodeA, user: null);
        await CatalogueClient.AssertProblemAsync(await anonymous.PostAsJsonAsync("/api/admin/catalogue/layers", body),
            HttpStatusCode.Unauthorized, "not-signed-in", null);
        using var editor = CatalogueNodes.Client(nodes.NodeA, unit + "-editor", password);
        await CatalogueClient.AssertProblemAsync(await editor.PostAsJsonAsync("/api/admin/catalogue/layers", body),
            HttpStatusCode.Forbidden, "administrator-only", null);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/admin/catalogue/history")).StatusCode);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/admin/catalogue/layers") { Content = JsonContent.Create(body) };
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(foreign)).StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    private Task<string> StateAsync() => StateOf(nodes);

    /// <summary>The catalogue's version and history, every catalogue row, every column of every layer table, the grants and the archive.</summary>
    public static Task<string> StateOf(CatalogueNodes nodes) => nodes.ScalarAsync<string>("""
        SELECT concat_ws(' | ',
            (SELECT version FROM catalogue.version),
            (SELECT count(*) FROM catalogue.history),
            (SELECT md5(string_agg((to_jsonb(l) - 'data_version')::text, ',' ORDER BY name)) FROM catalogue.layers AS l),
            (SELECT md5(string_agg(to_jsonb(a)::text, ',' ORDER BY layer, name)) FROM catalogue.attributes AS a),
            (SELECT md5(string_agg(to_jsonb(c)::text, ',' ORDER BY id)) FROM catalogue.categories AS c),
            (SELECT md5(string_agg(concat_ws(':', c.table_name, c.column_name, c.data_type, c.is_nullable), ',' ORDER BY c.table_name, c.column_name))
             FROM information_schema.columns AS c WHERE c.table_schema = 'data'),
            (SELECT md5(string_agg(pg_get_constraintdef(k.oid), ',' ORDER BY k.conrelid::regclass::text, k.conname))
             FROM pg_constraint AS k JOIN pg_namespace AS n ON n.oid = k.connamespace WHERE n.nspname = 'data'),
            (SELECT md5(string_agg(unit_code || ':' || layer, ',' ORDER BY unit_code, layer)) FROM envgis.unit_layers),
            (SELECT count(*) FROM pg_tables WHERE schemaname = 'archive'))
        """);
}
