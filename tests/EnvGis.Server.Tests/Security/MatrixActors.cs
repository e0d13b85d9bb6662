using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Security;

/// <summary>The accounts of the matrix, one per role (two clients), with their units' scopes set.</summary>
public sealed class MatrixActors
{
    public const string Layer = "environmental_incidents";
    public const string Administrator = "administrator";
    public const string CommuneEditor = "commune-editor";
    public const string CommuneApprover = "commune-approver";
    public const string CityEditor = "city-editor";
    public const string Reporter = "reporter";
    public const string ClientReadOnly = "client-read-only";
    public const string ClientReadWrite = "client-read-write";
    public const string Anonymous = "anonymous";

    private readonly ServerFixture server;
    private readonly Dictionary<string, (TestUser? User, string Unit, (double, double) Inside)> actors = [];

    private MatrixActors(ServerFixture server) => this.server = server;

    public IReadOnlyList<string> All { get; } =
        [Administrator, CommuneEditor, CommuneApprover, CityEditor, Reporter, ClientReadOnly, ClientReadWrite, Anonymous];

    /// <summary>A point outside every scope but the administrator's whole city.</summary>
    public (double, double) Outside { get; private set; }

    public static async Task<MatrixActors> CreateAsync(ServerFixture server)
    {
        var matrix = new MatrixActors(server);
        await server.SetScopeAsync("xa-hp001", [Layer]);
        await server.SetScopeAsync("so-xay-dung", [Layer], communes: ["HP002", "HP003"], selfApprove: true);
        await server.SetScopeAsync("dn-thep-hai-long", [Layer]); // its own commune, HP003
        await server.SetScopeAsync("ket-noi-bo-nnmt", [Layer], communes: ["HP004"]);
        matrix.Outside = await server.InsideAsync("HP009");
        matrix.actors[Administrator] = (new TestUser(TestAccounts.AdminUser, ServerFixture.AdminPassword, "so-nnmt", "administrator"), "so-nnmt", await server.InsideAsync("HP005"));
        matrix.actors[CommuneEditor] = (await server.CreateUserAsync("xa-hp001", "editor"), "xa-hp001", await server.InsideAsync("HP001"));
        matrix.actors[CommuneApprover] = (await server.CreateUserAsync("xa-hp001", "approver"), "xa-hp001", await server.InsideAsync("HP001"));
        matrix.actors[CityEditor] = (await server.CreateUserAsync("so-xay-dung", "editor"), "so-xay-dung", await server.InsideAsync("HP002"));
        matrix.actors[Reporter] = (await server.CreateUserAsync("dn-thep-hai-long", "reporter"), "dn-thep-hai-long", await server.InsideAsync("HP003"));
        matrix.actors[ClientReadOnly] = (await server.CreateUserAsync("ket-noi-bo-nnmt", "client"), "ket-noi-bo-nnmt", await server.InsideAsync("HP004"));
        matrix.actors[ClientReadWrite] = (await server.CreateUserAsync("ket-noi-bo-nnmt", "client", clientCanWrite: true), "ket-noi-bo-nnmt", await server.InsideAsync("HP004"));
        matrix.actors[Anonymous] = (null, "so-nnmt", await server.InsideAsync("HP005"));
        return matrix;
    }

    public HttpClient Client(string actor) => actors[actor].User is { } user ? user.Client(server) : server.Basic();

    public string Unit(string actor) => actors[actor].Unit;

    public (double, double) Inside(string actor) => actors[actor].Inside;
}
