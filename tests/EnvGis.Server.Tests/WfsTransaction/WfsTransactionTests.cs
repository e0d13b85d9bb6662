using System.Net;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.WfsTransaction.Transactions;

namespace EnvGis.Server.Tests.WfsTransaction;

[Collection("server")]
public sealed class WfsTransactionTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";
    private const string TypeName = "envgis:environmental_incidents";
    private const string Unit = "so-nnmt";

    private async Task<TestUser> EditorAsync()
    {
        await server.SetScopeAsync(Unit, [Layer, "polluted_zones", "rivers", "monitoring_stations"], wholeCity: true, newRecordStatus: "draft");
        return await server.CreateUserAsync(Unit, "editor");
    }

    [Fact]
    public async Task QGIS_1_1_0_inserts_updates_and_deletes_and_reads_the_lowercase_summary_and_the_ids_in_order()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var tag = Guid.NewGuid().ToString("N")[..8];

        // Two inserts in one Insert, QGIS style (lat/lon under the URN).
        var (status, body, xml) = await PostAsync(client, Document("1.1.0", Insert("1.1.0",
            Incident("1.1.0", 106.68, 20.85, "QGIS A " + tag) + Incident("1.1.0", 106.69, 20.86, "QGIS B " + tag))));
        Assert.True(status == HttpStatusCode.OK, body);
        var root = xml!.Root!;
        Assert.Equal(Wfs + "TransactionResponse", root.Name);
        var summary = root.Element(Wfs + "TransactionSummary")!;
        Assert.Equal("2", summary.Element(Wfs + "totalInserted")!.Value);
        Assert.Equal("0", summary.Element(Wfs + "totalUpdated")!.Value);
        Assert.Equal("0", summary.Element(Wfs + "totalDeleted")!.Value);
        var ids = root.Element(Wfs + "InsertResults")!.Elements(Wfs + "Feature").Select(f => f.Element(Ogc + "FeatureId")!.Attribute("fid")!.Value).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal("QGIS A " + tag, await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", IdOf(ids[0])));
        Assert.Equal("QGIS B " + tag, await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", IdOf(ids[1])));
        var xy = await server.ScalarAsync<double[]>($"SELECT ARRAY[ST_X(geom), ST_Y(geom)] FROM data.{Layer} WHERE id = $1", IdOf(ids[0]));
        Assert.Equal(106.68, xy[0], 9);
        Assert.Equal(20.85, xy[1], 9);
        Assert.Equal("draft", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", IdOf(ids[0])));

        // Update an attribute and the geometry, with QGIS's GmlObjectId filter.
        (status, body, xml) = await PostAsync(client, Document("1.1.0", Update("1.1.0", TypeName,
            [("name", Escape("QGIS A' " + tag)), ("geom", Point("1.1.0", 106.70, 20.87))], IdFilter("1.1.0", ids[0]))));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("1", xml!.Root!.Element(Wfs + "TransactionSummary")!.Element(Wfs + "totalUpdated")!.Value);
        Assert.Equal("QGIS A' " + tag, await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", IdOf(ids[0])));
        Assert.Equal(106.70, await server.ScalarAsync<double>($"SELECT ST_X(geom) FROM data.{Layer} WHERE id = $1", IdOf(ids[0])), 9);

        // Delete: archived, not gone.
        (status, body, xml) = await PostAsync(client, Document("1.1.0", Delete("1.1.0", TypeName, IdFilter("1.1.0", ids[1]))));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("1", xml!.Root!.Element(Wfs + "TransactionSummary")!.Element(Wfs + "totalDeleted")!.Value);
        Assert.Equal("archived", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", IdOf(ids[1])));

        // One history entry per change, all through WFS-T, by the editor.
        var history = await server.ListAsync<string>(
            "SELECT action || ':' || channel || ':' || user_name FROM envgis.record_history WHERE layer = $1 AND record_id = ANY($2) ORDER BY id",
            Layer, ids.Select(IdOf).ToArray());
        Assert.Equal([$"insert:wfs-t:{editor.Name}", $"insert:wfs-t:{editor.Name}", $"update:wfs-t:{editor.Name}", $"delete:wfs-t:{editor.Name}"], history);
    }

    [Fact]
    public async Task WFS_1_0_0_with_GML2_answers_SUCCESS_and_the_InsertResult_fids()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (status, body, xml) = await PostAsync(client, Document("1.0.0",
            Insert("1.0.0", Incident("1.0.0", 106.61, 20.81, "v1 " + tag), "first") + Insert("1.0.0", Incident("1.0.0", 106.62, 20.82, "v1b " + tag), "second")));
        Assert.True(status == HttpStatusCode.OK, body);
        var root = xml!.Root!;
        Assert.Equal(Wfs + "WFS_TransactionResponse", root.Name);
        Assert.NotNull(root.Element(Wfs + "TransactionResult")!.Element(Wfs + "Status")!.Element(Wfs + "SUCCESS"));
        var results = root.Elements(Wfs + "InsertResult").ToList();
        Assert.Equal(["first", "second"], results.Select(r => r.Attribute("handle")!.Value));
        var fid = results[0].Element(Ogc + "FeatureId")!.Attribute("fid")!.Value;
        Assert.Equal(106.61, await server.ScalarAsync<double>($"SELECT ST_X(geom) FROM data.{Layer} WHERE id = $1", IdOf(fid)), 9);

        (status, body, _) = await PostAsync(client, Document("1.0.0",
            Update("1.0.0", TypeName, [("severity", "high")], IdFilter("1.0.0", fid)) + Delete("1.0.0", TypeName, IdFilter("1.0.0", fid))));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("high,archived", await server.ScalarAsync<string>($"SELECT severity || ',' || status FROM data.{Layer} WHERE id = $1", IdOf(fid)));
    }

    [Fact]
    public async Task WFS_2_0_0_inserts_updates_replaces_and_deletes_with_ResourceId_and_answers_rids()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (status, body, xml) = await PostAsync(client, Document("2.0.0", Insert("2.0.0", Incident("2.0.0", 106.63, 20.83, "v2 " + tag))));
        Assert.True(status == HttpStatusCode.OK, body);
        var root = xml!.Root!;
        Assert.Equal(Wfs20 + "TransactionResponse", root.Name);
        Assert.Equal("1", root.Element(Wfs20 + "TransactionSummary")!.Element(Wfs20 + "totalInserted")!.Value);
        var rid = root.Element(Wfs20 + "InsertResults")!.Element(Wfs20 + "Feature")!.Element(Fes + "ResourceId")!.Attribute("rid")!.Value;
        Assert.StartsWith(Layer + ".", rid);
        Assert.Equal(20.83, await server.ScalarAsync<double>($"SELECT ST_Y(geom) FROM data.{Layer} WHERE id = $1", IdOf(rid)), 9);

        (status, body, xml) = await PostAsync(client, Document("2.0.0",
            Update("2.0.0", TypeName, [("description", "cập nhật")], IdFilter("2.0.0", rid, 1))));
        Assert.True(status == HttpStatusCode.OK, body);
        var updated = xml!.Root!.Element(Wfs20 + "UpdateResults")!.Element(Wfs20 + "Feature")!.Element(Fes + "ResourceId")!;
        Assert.Equal((rid, "2"), (updated.Attribute("rid")!.Value, updated.Attribute("version")!.Value));

        // Replace: the whole feature; what it leaves out becomes empty.
        var replacement = $"""
            <envgis:environmental_incidents><envgis:name>v2 replaced {tag}</envgis:name><envgis:incident_type>landslide</envgis:incident_type>
            <envgis:occurred_on>2025-08-08</envgis:occurred_on><envgis:geom>{Point("2.0.0", 106.64, 20.84)}</envgis:geom></envgis:environmental_incidents>
            """;
        (status, body, xml) = await PostAsync(client, Document("2.0.0", $"<wfs:Replace>{replacement}{IdFilter("2.0.0", rid)}</wfs:Replace>"));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("1", xml!.Root!.Element(Wfs20 + "TransactionSummary")!.Element(Wfs20 + "totalReplaced")!.Value);
        Assert.Equal("landslide|null|106.64", await server.ScalarAsync<string>(
            $"SELECT incident_type || '|' || coalesce(description, 'null') || '|' || round(ST_X(geom)::numeric, 2) FROM data.{Layer} WHERE id = $1", IdOf(rid)));

        (status, body, xml) = await PostAsync(client, Document("2.0.0", Delete("2.0.0", TypeName, IdFilter("2.0.0", rid))));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("1", xml!.Root!.Element(Wfs20 + "TransactionSummary")!.Element(Wfs20 + "totalDeleted")!.Value);
        Assert.Equal(["insert", "update", "update", "delete"], await server.ListAsync<string>(
            "SELECT action FROM envgis.record_history WHERE layer = $1 AND record_id = $2 ORDER BY id", Layer, IdOf(rid)));
    }

    [Theory]
    [InlineData("1.0.0", "<gml:MultiPolygon srsName=\"EPSG:4326\"><gml:polygonMember><gml:Polygon><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>106.60,20.80 106.61,20.80 106.61,20.81 106.60,20.80</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></gml:polygonMember></gml:MultiPolygon>")]
    [InlineData("1.1.0", "<gml:MultiSurface srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"2\">20.80 106.60 20.80 106.61 20.81 106.61 20.80 106.60</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>")]
    [InlineData("1.1.0", "<gml:Polygon srsName=\"EPSG:4326\"><gml:exterior><gml:LinearRing><gml:coordinates>106.60,20.80 106.61,20.80 106.61,20.81 106.60,20.80</gml:coordinates></gml:LinearRing></gml:exterior></gml:Polygon>")]
    [InlineData("2.0.0", "<gml:MultiSurface gml:id=\"m\" srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><gml:surfaceMember><gml:Polygon gml:id=\"m1\"><gml:exterior><gml:LinearRing><gml:posList>20.80 106.60 20.80 106.61 20.81 106.61 20.80 106.60</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>")]
    public async Task Polygon_encodings_of_every_version_are_stored_alike(string version, string geometry)
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var name = "polygon " + Guid.NewGuid().ToString("N")[..8];
        var feature = $"<envgis:polluted_zones><envgis:name>{name}</envgis:name><envgis:pollution_type>soil</envgis:pollution_type><envgis:severity>low</envgis:severity><envgis:geom>{geometry}</envgis:geom></envgis:polluted_zones>";
        var (status, body, _) = await PostAsync(client, Document(version, Insert(version, feature)));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("ST_MultiPolygon|106.6|20.8|106.61|20.81", await server.ScalarAsync<string>(
            "SELECT ST_GeometryType(geom) || '|' || ST_XMin(geom) || '|' || ST_YMin(geom) || '|' || ST_XMax(geom) || '|' || ST_YMax(geom) FROM data.polluted_zones WHERE name = $1", name));
    }

    [Theory]
    [InlineData("1.0.0", "<gml:MultiLineString srsName=\"EPSG:4326\"><gml:lineStringMember><gml:LineString><gml:coordinates>106.60,20.80 106.62,20.82</gml:coordinates></gml:LineString></gml:lineStringMember></gml:MultiLineString>")]
    [InlineData("1.1.0", "<gml:MultiCurve srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:curveMember><gml:LineString><gml:posList>20.80 106.60 20.82 106.62</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve>")]
    [InlineData("2.0.0", "<gml:LineString gml:id=\"l\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:posList>20.80 106.60 20.82 106.62</gml:posList></gml:LineString>")]
    public async Task Line_encodings_including_MultiCurve_are_stored_as_MultiLineString(string version, string geometry)
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var name = "line " + Guid.NewGuid().ToString("N")[..8];
        var (status, body, _) = await PostAsync(client, Document(version, Insert(version,
            $"<envgis:rivers><envgis:name>{name}</envgis:name><envgis:geom>{geometry}</envgis:geom></envgis:rivers>")));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("ST_MultiLineString|106.6|20.8", await server.ScalarAsync<string>(
            "SELECT ST_GeometryType(geom) || '|' || ST_X(ST_StartPoint(ST_GeometryN(geom, 1))) || '|' || ST_Y(ST_StartPoint(ST_GeometryN(geom, 1))) FROM data.rivers WHERE name = $1", name));
    }

    [Theory]
    [InlineData(9209)]
    [InlineData(9210)]
    [InlineData(3405)]
    public async Task Geometries_in_VN_2000_are_stored_in_EPSG_4326(int srid)
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var xy = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(106.7, 20.86), 4326), $1) AS p) AS x", srid);
        var name = $"vn2000 {srid} {Guid.NewGuid():N}";
        var point = $"<gml:Point srsName=\"urn:ogc:def:crs:EPSG::{srid}\"><gml:pos>{Number(xy[0])} {Number(xy[1])}</gml:pos></gml:Point>";
        var (status, body, _) = await PostAsync(client, Document("1.1.0", Insert("1.1.0",
            $"<envgis:environmental_incidents><envgis:geom>{point}</envgis:geom><envgis:name>{name}</envgis:name><envgis:incident_type>other</envgis:incident_type><envgis:occurred_on>2025-01-01</envgis:occurred_on></envgis:environmental_incidents>")));
        Assert.True(status == HttpStatusCode.OK, body);
        var stored = await server.ScalarAsync<double[]>($"SELECT ARRAY[ST_X(geom), ST_Y(geom), ST_SRID(geom)] FROM data.{Layer} WHERE name = $1", name);
        Assert.Equal(106.7, stored[0], 7);
        Assert.Equal(20.86, stored[1], 7);
        Assert.Equal(4326, stored[2]);
    }

    [Fact]
    public async Task A_transaction_whose_third_operation_fails_leaves_nothing_from_the_first_two()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var existing = await server.InsertIncidentAsync(Unit, "draft", (106.65, 20.85), "untouched");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var before = await server.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history");
        foreach (var version in new[] { "1.0.0", "1.1.0", "2.0.0" })
        {
            var actions = Insert(version, Incident(version, 106.66, 20.86, "first " + tag))
                + Update(version, TypeName, [("name", "second " + tag)], IdFilter(version, $"{Layer}.{existing}"))
                + Insert(version, Incident(version, 106.67, 20.87, "third " + tag, type: "volcano"));
            var (status, body, _) = await PostAsync(client, Document(version, actions));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("volcano", body);
            Assert.True(body.Contains("<ows:ExceptionReport", StringComparison.Ordinal) || body.Contains("<ServiceExceptionReport", StringComparison.Ordinal), body);
        }

        Assert.Equal(0, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name LIKE '%' || $1", tag));
        Assert.Equal("untouched", await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", existing));
        Assert.Equal(before, await server.ScalarAsync<long>("SELECT count(*) FROM envgis.record_history"));
    }

    [Fact]
    public async Task A_stale_ResourceId_version_is_refused_and_the_newer_change_stays()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var id = await server.InsertIncidentAsync(Unit, "draft", (106.65, 20.85), "base");
        var fid = $"{Layer}.{id}";
        var tasks = new[] { "first", "second" }.Select(name => PostAsync(client,
            Document("2.0.0", Update("2.0.0", TypeName, [("name", name)], IdFilter("2.0.0", fid, 1))))).ToList();
        var results = await Task.WhenAll(tasks);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        var loser = results.Single(r => r.Status == HttpStatusCode.Conflict);
        Assert.Contains("OperationProcessingFailed", loser.Body);
        Assert.Contains("changed by someone else", loser.Body);
        Assert.Equal(2, await server.ScalarAsync<int>($"SELECT version FROM data.{Layer} WHERE id = $1", id));
    }

    [Theory]
    [InlineData("self-intersection", "<gml:Polygon srsName=\"EPSG:4326\"><gml:exterior><gml:LinearRing><gml:coordinates>106.60,20.80 106.61,20.81 106.61,20.80 106.60,20.81 106.60,20.80</gml:coordinates></gml:LinearRing></gml:exterior></gml:Polygon>")]
    [InlineData("closed", "<gml:Polygon srsName=\"EPSG:4326\"><gml:exterior><gml:LinearRing><gml:coordinates>106.60,20.80 106.61,20.80 106.61,20.81 106.60,20.82</gml:coordinates></gml:LinearRing></gml:exterior></gml:Polygon>")]
    [InlineData("EPSG:2000", "<gml:Polygon srsName=\"EPSG:2000\"><gml:exterior><gml:LinearRing><gml:coordinates>1,1 2,1 2,2 1,1</gml:coordinates></gml:LinearRing></gml:exterior></gml:Polygon>")]
    [InlineData("not understood", "<gml:Polygon srsName=\"my-own-crs\"><gml:exterior><gml:LinearRing><gml:coordinates>1,1 2,1 2,2 1,1</gml:coordinates></gml:LinearRing></gml:exterior></gml:Polygon>")]
    [InlineData("MultiPolygon", "<gml:Point srsName=\"EPSG:4326\"><gml:coordinates>106.6,20.8</gml:coordinates></gml:Point>")]
    public async Task Bad_geometries_are_refused_with_the_reason_and_nothing_is_stored(string reason, string geometry)
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var name = "bad " + Guid.NewGuid().ToString("N")[..8];
        var feature = $"<envgis:polluted_zones><envgis:name>{name}</envgis:name><envgis:pollution_type>soil</envgis:pollution_type><envgis:severity>low</envgis:severity><envgis:geom>{geometry}</envgis:geom></envgis:polluted_zones>";
        var (status, body, _) = await PostAsync(client, Document("1.1.0", Insert("1.1.0", feature)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<ows:ExceptionReport", body, StringComparison.Ordinal);
        Assert.Equal(0, await server.ScalarAsync<long>("SELECT count(*) FROM data.polluted_zones WHERE name = $1", name));
    }

    [Fact]
    public async Task Unknown_types_properties_and_ids_and_system_columns_are_refused_with_a_clear_exception()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var fingerprint = await server.ScalarAsync<string>("SELECT string_agg(name || ':' || data_version, ',' ORDER BY name) FROM catalogue.layers");
        var cases = new (string Document, HttpStatusCode Status, string Expected)[]
        {
            (Document("1.1.0", Insert("1.1.0", "<envgis:no_such_layer><envgis:name>x</envgis:name></envgis:no_such_layer>")), HttpStatusCode.BadRequest, "no_such_layer"),
            (Document("1.1.0", Insert("1.1.0", Incident("1.1.0", 106.6, 20.8, "x").Replace("<envgis:name>", "<envgis:colour>red</envgis:colour><envgis:name>"))), HttpStatusCode.BadRequest, "colour"),
            (Document("1.1.0", Update("1.1.0", TypeName, [("colour", "red")], IdFilter("1.1.0", Layer + ".1"))), HttpStatusCode.BadRequest, "colour"),
            (Document("1.1.0", Update("1.1.0", TypeName, [("name", "x")], "<Filter xmlns=\"http://www.opengis.net/ogc\"><PropertyIsEqualTo><PropertyName>colour</PropertyName><Literal>1</Literal></PropertyIsEqualTo></Filter>")), HttpStatusCode.BadRequest, "colour"),
            (Document("2.0.0", Delete("2.0.0", TypeName, IdFilter("2.0.0", Layer + ".999999999"))), HttpStatusCode.NotFound, Layer + ".999999999"),
            (Document("2.0.0", Delete("2.0.0", "envgis:species_occurrences", IdFilter("2.0.0", "species_occurrences.1"))), HttpStatusCode.BadRequest, "species_occurrences"),
            (Document("1.1.0", Insert("1.1.0", Incident("1.1.0", 106.6, 20.8, "x").Replace("<envgis:name>", "<envgis:status>published</envgis:status><envgis:name>"))), HttpStatusCode.BadRequest, "workflow"),
            (Document("1.1.0", Insert("1.1.0", Incident("1.1.0", 106.6, 20.8, "x", date: "soon"))), HttpStatusCode.BadRequest, "soon"),
            (Document("1.1.0", "<Native xmlns=\"http://www.opengis.net/wfs\" vendorId=\"x\" safeToIgnore=\"false\">DROP TABLE x</Native>"), HttpStatusCode.NotImplemented, "Native"),
            (Document("1.1.0", ""), HttpStatusCode.BadRequest, "no action"),
            ("<Transaction xmlns=\"http://www.opengis.net/wfs\" version=\"1.1.0\" service=\"WFS\"><Insert><envgis:x xmlns:envgis=\"a\">", HttpStatusCode.BadRequest, "XML"),
        };
        foreach (var (document, expectedStatus, expected) in cases)
        {
            var (status, body, _) = await PostAsync(client, document);
            Assert.True(status == expectedStatus, $"{expectedStatus} expected, got {status}: {body}");
            Assert.Contains(expected, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", body);
        }

        Assert.Equal(fingerprint, await server.ScalarAsync<string>("SELECT string_agg(name || ':' || data_version, ',' ORDER BY name) FROM catalogue.layers"));
    }

    [Fact]
    public async Task Huge_transactions_and_non_XML_posts_are_refused_and_change_nothing()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var before = await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer}");
        var many = string.Concat(Enumerable.Repeat(Incident("1.1.0", 106.6, 20.8, "many"), 10_001));
        var (status, body, _) = await PostAsync(client, Document("1.1.0", Insert("1.1.0", many)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("at most", body);

        var huge = Document("1.1.0", Insert("1.1.0", Incident("1.1.0", 106.6, 20.8, new string('x', 9 * 1024 * 1024))));
        (status, _, _) = await PostAsync(client, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);

        (status, body, _) = await PostAsync(client, Document("1.1.0", Insert("1.1.0", Incident("1.1.0", 106.6, 20.8, "plain"))), "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("XML content type", body);
        Assert.Equal(before, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer}"));
    }

    [Fact]
    public async Task Capabilities_advertise_Transaction_only_to_callers_who_may_edit()
    {
        var editor = await EditorAsync();
        var reader = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        using var anonymous = server.Basic();
        using var readOnly = reader.Client(server);
        using var edit = editor.Client(server);
        foreach (var version in new[] { "1.0.0", "1.1.0", "2.0.0" })
        {
            var query = $"/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION={version}";
            foreach (var client in new[] { anonymous, readOnly })
            {
                var document = XDocument.Parse(await client.GetStringAsync(query));
                Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "Operation" && e.Attribute("name")?.Value == "Transaction");
                Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "Transaction" or "Insert");
                Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "Operation" && e.Value == "Insert");
            }

            var editable = XDocument.Parse(await edit.GetStringAsync(query));
            switch (version)
            {
                case "2.0.0":
                    Assert.Contains(editable.Descendants(), e => e.Name.LocalName == "Operation" && e.Attribute("name")?.Value == "Transaction");
                    Assert.Contains(editable.Descendants(), e => e.Attribute("name")?.Value == "ImplementsTransactionalWFS" && e.Value.Contains("TRUE"));
                    break;
                case "1.1.0":
                    Assert.Contains(editable.Descendants(), e => e.Name.LocalName == "Operation" && e.Attribute("name")?.Value == "Transaction");
                    var type = editable.Descendants(Wfs + "FeatureType").Single(f => f.Element(Wfs + "Name")!.Value == TypeName);
                    Assert.Equal(["Query", "Insert", "Update", "Delete"], type.Element(Wfs + "Operations")!.Elements().Select(e => e.Value));
                    var notEditable = editable.Descendants(Wfs + "FeatureType").Single(f => f.Element(Wfs + "Name")!.Value == "envgis:communes");
                    Assert.Null(notEditable.Element(Wfs + "Operations"));
                    break;
                default:
                    Assert.NotNull(editable.Descendants(Wfs + "Request").Single().Element(Wfs + "Transaction"));
                    var type10 = editable.Descendants(Wfs + "FeatureType").Single(f => f.Element(Wfs + "Name")!.Value == TypeName);
                    Assert.NotNull(type10.Element(Wfs + "Operations")!.Element(Wfs + "Insert"));
                    break;
            }
        }
    }

    [Fact]
    public async Task Anonymous_read_only_and_portal_session_callers_cannot_post_transactions()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var document = Document("1.1.0", Insert("1.1.0", Incident("1.1.0", 106.6, 20.8, "nobody " + tag)));
        using (var anonymous = server.Basic())
        {
            using var content = new StringContent(document, System.Text.Encoding.UTF8, "text/xml");
            var response = await anonymous.PostAsync("/wfs", content);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
            Assert.Contains("<ows:ExceptionReport", await response.Content.ReadAsStringAsync());
        }

        var reader = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        using (var readOnly = reader.Client(server))
        {
            var (status, body, _) = await PostAsync(readOnly, document);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("may not edit", body);
        }

        using (var wrong = server.Basic(reader.Name, "wrong-password!"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(wrong, document)).Status);
        }

        Assert.Equal(0, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = $1", "nobody " + tag));
    }

    [Fact]
    public async Task GDAL_style_updates_that_send_the_unchanged_status_back_are_accepted_but_cannot_change_it()
    {
        var editor = await EditorAsync();
        using var client = editor.Client(server);
        var id = await server.InsertIncidentAsync(Unit, "draft", (106.65, 20.85), "status");
        var fid = $"{Layer}.{id}";
        var (status, body, _) = await PostAsync(client, Document("1.1.0",
            Update("1.1.0", TypeName, [("name", "status ok"), ("status", "draft"), ("description", null)], IdFilter("1.1.0", fid))));
        Assert.True(status == HttpStatusCode.OK, body);
        (status, body, _) = await PostAsync(client, Document("1.1.0",
            Update("1.1.0", TypeName, [("status", "published")], IdFilter("1.1.0", fid))));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("workflow", body);
        Assert.Equal("draft|status ok", await server.ScalarAsync<string>($"SELECT status || '|' || name FROM data.{Layer} WHERE id = $1", id));
    }
}
