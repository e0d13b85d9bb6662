using EnvGis.Core.Security;
using EnvGis.Data.Accounts;
using EnvGis.Data.Records;
using EnvGis.Ows.Dispatch;
using EnvGis.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using EnvGis.Data.Replication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace EnvGis.Server.Security;

/// <summary>
/// Accounts, authentication (portal cookie with antiforgery, HTTP Basic, bearer tokens) and the
/// record store, registered and placed in the pipeline by two calls from Program.cs.
/// </summary>
public static class SecurityServices
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>The portal's session cookie.</summary>
    public const string SessionCookie = "envgis.session";
    public const string AdministratorPolicy = "administrator";

    public static IServiceCollection AddEnvGisSecurity(this IServiceCollection services, EnvGisSettings settings)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<AccountReviewStore>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<CredentialVerifier>();
        services.AddSingleton<RecordStore>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<RecordSearch>();
        services.AddSingleton(new EnvGis.Server.Attachments.AttachmentFiles(Path.Combine(settings.DataDirectory, "uploads")));

        // The key ring lives in the database, so every node of a scaled-out deployment shares it (docs/scale-out.md).
        services.AddDataProtection().SetApplicationName("EnvGis");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource, ILoggerFactory>((options, dataSource, loggers) =>
            options.XmlRepository = new DatabaseKeyRepository(dataSource, Path.Combine(settings.DataDirectory, "keys"),
                loggers.CreateLogger<DatabaseKeyRepository>()));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "envgis.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(AuthenticationSchemes.Default)
            .AddPolicyScheme(AuthenticationSchemes.Default, "Cookie, Basic or Bearer", options =>
                options.ForwardDefaultSelector = AuthenticationSchemes.Select)
            .AddCookie(AuthenticationSchemes.Cookie, options =>
            {
                options.Cookie.Name = SessionCookie;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionStore.Lifetime;
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = CookieSessions.ValidateAsync;
                options.Events.OnRedirectToLogin = context => Challenge(context.Response);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(AuthenticationSchemes.Basic, null)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(AuthenticationSchemes.Bearer, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdministratorPolicy, policy => policy.RequireRole(Role.Administrator.Name()));
        return services;
    }

    /// <summary>Authentication, then a refusal of requests whose credentials failed, then authorization.</summary>
    public static IApplicationBuilder UseEnvGisSecurity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<CredentialFailure>() is { } failure)
            {
                await RefuseAsync(context, failure);
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
        return app;
    }

    private static Task Challenge(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = $"Bearer realm=\"{AuthenticationSchemes.Realm}\"";
        return Task.CompletedTask;
    }

    /// <summary>401 with the reason, in the protocol's own form: an OGC exception report on the OGC paths, else problem details.</summary>
    private static async Task RefuseAsync(HttpContext context, CredentialFailure failure)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{AuthenticationSchemes.Realm}\", charset=\"UTF-8\"";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/ows") || path.StartsWithSegments("/wfs") || path.StartsWithSegments("/wms"))
        {
            await ExceptionReportWriter.WriteAsync(context.Response,
                new OwsException(OwsException.NoApplicableCode, failure.Message, "Authorization", StatusCodes.Status401Unauthorized),
                ExceptionReportWriter.Flavor.Ows11);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication failed", detail: failure.Message,
            extensions: new Dictionary<string, object?> { ["code"] = "credentials-refused" }).ExecuteAsync(context);
    }
}
