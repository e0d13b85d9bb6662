using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.WfsTransaction.Transactions;

namespace EnvGis.Server.Tests.Records;

/// <summary>
/// The workflow rules of docs/hardening.md on every channel: a changed reviewed record goes back to
/// approval, restored content is approved again, one replace rule, archived records leave the read
/// channels, and tokens end when an account's unit or role changes.
/// </summary>
[Collection("server")]
public sealed class WorkflowRulesTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task The_administrator_cannot_publish_a_change_the_commune_approver_never_saw()
    {
        await server.SetScopeAsync("xa-hp020", [Layer]);
        var chairman = await server.CreateUserAsync("xa-hp020", "approver");
        var at = await server.InsideAsync("HP020");
        var id = await server.InsertIncidentAsync("xa-hp020", "approved", at, "Đã duyệt " + Guid.NewGuid().ToString("N")[..6]);
        using var admin = server.Admin();

        var effects = await (await admin.GetAsync($"/api/layers/{Layer}/records/{id}/effects")).JsonAsync();
        Assert.Equal("submitted", effects.GetProperty("onChange").GetProperty("status").GetString());

        var patched = await admin.PatchAsJsonAsync($"/api/layers/{Layer}/records/{id}",
            new { properties = new { name = "Sửa bởi quản trị", version = 1 } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("submitted", (await patched.JsonAsync()).GetProperty("properties").GetProperty("status").GetString());
        var publish = await admin.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/publish", new { version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);

        using var approver = chairman.Client(server);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/approve", new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/publish", new { version = 3 })).StatusCode);
        Assert.Equal("published", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
    }

    [Fact]
    public async Task A_published_record_changed_through_WFS_T_leaves_the_public_map_until_approved_again()
    {
        var at = await server.InsideAsync("HP030");
        var id = await server.InsertIncidentAsync("so-cong-thuong", "published", at, "Công bố " + Guid.NewGuid().ToString("N")[..6]);
        using var anonymous = server.Basic();
        Assert.Contains(id, await TestTiles.IdsAsync(anonymous, Layer, 14, at.Lon, at.Lat));

        using var admin = server.Admin();
        var (status, body, _) = await PostAsync(admin, Document("2.0.0",
            Update("2.0.0", $"envgis:{Layer}", [("name", "Đổi qua WFS-T")], IdFilter("2.0.0", $"{Layer}.{id}"))));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("submitted", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
        Assert.DoesNotContain(id, await TestTiles.IdsAsync(anonymous, Layer, 14, at.Lon, at.Lat));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/layers/{Layer}/records/{id}")).StatusCode);
        Assert.Equal("wfs-t", await server.ScalarAsync<string>(
            "SELECT channel FROM envgis.record_history WHERE layer = $1 AND record_id = $2 ORDER BY id DESC LIMIT 1", Layer, id));
    }

    [Fact]
    public async Task Restoring_an_older_version_of_a_published_record_asks_for_approval_again_and_says_so_first()
    {
        var at = await server.InsideAsync("HP031");
        using var admin = server.Admin();
        var created = await admin.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(at, "Phiên bản một"));
        var id = long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
        foreach (var (action, version) in new[] { ("submit", 1), ("approve", 2), ("publish", 3) })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/{action}", new { version })).StatusCode);
        }

        var history = await (await admin.GetAsync($"/api/layers/{Layer}/records/{id}/history")).JsonAsync();
        var first = history.GetProperty("entries")[0];
        Assert.Equal("submitted", first.GetProperty("onRestore").GetProperty("status").GetString());
        Assert.True(first.GetProperty("onRestore").GetProperty("leavesPublicMap").GetBoolean());
        var effects = await (await admin.GetAsync($"/api/layers/{Layer}/records/{id}/effects?historyId={first.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.True(effects.GetProperty("onRestore").GetProperty("leavesPublicMap").GetBoolean());

        var restored = await admin.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/restore", new { version = 4, historyId = first.GetProperty("id").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("submitted", (await restored.JsonAsync()).GetProperty("properties").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Replacing_keeps_the_metadata_the_client_did_not_send_through_PUT_and_WFS_T_alike()
    {
        var at = await server.InsideAsync("HP032");
        using var admin = server.Admin();
        foreach (var channel in new[] { "put", "wfs-t" })
        {
            var id = await server.InsertIncidentAsync("so-cong-thuong", "draft", at, "Hạn chế " + channel);
            await server.ScalarAsync<int>($"UPDATE data.{Layer} SET restricted = true, source = 'Biên bản', description = 'mô tả' WHERE id = $1 RETURNING 1", id);
            if (channel == "put")
            {
                var put = await admin.PutAsJsonAsync($"/api/layers/{Layer}/records/{id}", new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { at.Lon, at.Lat } },
                    properties = new { name = "Thay thế", incident_type = "fish_kill", occurred_on = "2025-06-01", version = 1 },
                });
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }
            else
            {
                var (status, body, _) = await PostAsync(admin, Document("2.0.0",
                    $"<wfs:Replace>{Incident("2.0.0", at.Lon, at.Lat, "Thay thế")}{IdFilter("2.0.0", $"{Layer}.{id}")}</wfs:Replace>"));
                Assert.True(status == HttpStatusCode.OK, body);
            }

            Assert.True(await server.ScalarAsync<bool>($"SELECT restricted FROM data.{Layer} WHERE id = $1", id), channel);
            Assert.Equal("Biên bản", await server.ScalarAsync<string>($"SELECT source FROM data.{Layer} WHERE id = $1", id));
            Assert.Equal(0L, await server.ScalarAsync<long>($"SELECT count(description) FROM data.{Layer} WHERE id = $1", id));
        }
    }

    [Fact]
    public async Task A_record_deleted_through_WFS_T_leaves_every_read_channel_but_its_history_and_restore()
    {
        await server.SetScopeAsync("so-cong-thuong", [Layer], wholeCity: true);
        var editor = await server.CreateUserAsync("so-cong-thuong", "editor");
        var at = await server.InsideAsync("HP033");
        var name = "Xoá thử " + Guid.NewGuid().ToString("N")[..8];
        var id = await server.InsertIncidentAsync("so-cong-thuong", "draft", at, name);
        using var client = editor.Client(server);
        var getFeature = $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:{Layer}&RESOURCEID={Layer}.{id}&OUTPUTFORMAT=application/json";
        Assert.Single((await (await client.GetAsync(getFeature)).JsonAsync()).GetProperty("features").EnumerateArray());

        var (status, body, _) = await PostAsync(client, Document("2.0.0", Delete("2.0.0", $"envgis:{Layer}", IdFilter("2.0.0", $"{Layer}.{id}"))));
        Assert.True(status == HttpStatusCode.OK, body);

        Assert.Empty((await (await client.GetAsync(getFeature)).JsonAsync()).GetProperty("features").EnumerateArray());
        Assert.DoesNotContain(id, await TestTiles.IdsAsync(client, Layer, 14, at.Lon, at.Lat));
        var list = await (await client.GetAsync($"/api/layers/{Layer}/records?limit=1000")).JsonAsync();
        Assert.DoesNotContain(list.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == $"{Layer}.{id}");
        var search = await (await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(name))).JsonAsync();
        Assert.Empty(search.GetProperty("results").EnumerateArray());
        var wms = await client.GetAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + Layer + "&QUERY_LAYERS=" + Layer
            + $"&STYLES=&CRS=EPSG:4326&BBOX={at.Lat - 0.001},{at.Lon - 0.001},{at.Lat + 0.001},{at.Lon + 0.001}&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json");
        Assert.Empty((await wms.JsonAsync()).GetProperty("features").EnumerateArray());

        // Still reachable where it must be: by id, in the archived list, in the history, and by restore.
        var archived = await (await client.GetAsync($"/api/layers/{Layer}/records/{id}")).JsonAsync();
        Assert.Equal("archived", archived.GetProperty("properties").GetProperty("status").GetString());
        var archivedList = await (await client.GetAsync($"/api/layers/{Layer}/records?status=archived&limit=1000")).JsonAsync();
        Assert.Contains(archivedList.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == $"{Layer}.{id}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/layers/{Layer}/records/{id}/history")).StatusCode);
        var restore = await client.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/restore", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Single((await (await client.GetAsync(getFeature)).JsonAsync()).GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task Changing_an_accounts_unit_or_role_revokes_its_API_tokens()
    {
        var user = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        using var admin = server.Admin();
        var issued = await admin.PostAsJsonAsync($"/api/admin/users/{user.Name}/tokens", new { name = "máy chủ bộ", expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var secret = (await issued.JsonAsync()).GetProperty("token").GetString()!;
        using var bearer = server.Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/account/me")).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/admin/users/{user.Name}", new { unit = "so-y-te", role = "editor" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal("unit or role changed", await server.ScalarAsync<string>(
            "SELECT revoked_reason FROM envgis.api_tokens t JOIN envgis.users u ON u.id = t.user_id WHERE u.user_name = $1", user.Name));
    }
}
