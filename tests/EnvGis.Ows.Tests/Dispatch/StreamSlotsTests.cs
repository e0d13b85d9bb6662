using EnvGis.Ows.Dispatch;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Tests.Dispatch;

public sealed class StreamSlotsTests
{
    [Fact]
    public void The_total_limit_holds_across_clients_and_slots_come_back_when_released()
    {
        var slots = new StreamSlots(total: 3, perClient: 2);
        var leases = new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" }.Select(ip => slots.Enter(From(ip))).ToList();
        Assert.Equal(3, slots.InUse);

        var refused = Assert.Throws<OwsException>(() => slots.Enter(From("10.0.0.4")));
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal(10, refused.RetryAfterSeconds);
        Assert.Equal(3, slots.InUse);

        leases[0].Dispose();
        leases[0].Dispose(); // twice is once
        Assert.Equal(2, slots.InUse);
        using var next = slots.Enter(From("10.0.0.4"));
        Assert.Equal(3, slots.InUse);
        leases[1].Dispose();
        leases[2].Dispose();
    }

    [Fact]
    public void One_client_gets_its_share_and_no_more()
    {
        var slots = new StreamSlots(total: 10, perClient: 2);
        using var a = slots.Enter(From("10.0.0.1"));
        using var b = slots.Enter(From("10.0.0.1"));
        Assert.Contains("from one address", Assert.Throws<OwsException>(() => slots.Enter(From("10.0.0.1"))).Message);
        using var other = slots.Enter(From("10.0.0.2"));
        Assert.Equal(3, slots.InUse);
    }

    private static HttpContext From(string address) =>
        new DefaultHttpContext { Connection = { RemoteIpAddress = System.Net.IPAddress.Parse(address) } };
}
