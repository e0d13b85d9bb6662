using EnvGis.Data.Accounts;
using EnvGis.Server.Hosting;
using Npgsql;

namespace EnvGis.Server.Security;

/// <summary>
/// The first start creates the administrator <c>admin</c>: with ENVGIS_ADMIN_PASSWORD when set, else a
/// generated password printed once to the console (never logged again, never a default).
/// </summary>
public static class AdministratorAccount
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, EnvGisSettings settings, ILoggerFactory loggers)
    {
        var (created, generated) = await AdministratorBootstrap.EnsureAsync(dataSource, settings.AdminPassword);
        if (!created)
        {
            return;
        }

        var logger = loggers.CreateLogger(typeof(AdministratorAccount));
        if (generated is null)
        {
            logger.LogInformation("Created the administrator '{User}' with the password from ENVGIS_ADMIN_PASSWORD", AdministratorBootstrap.UserName);
            return;
        }

        logger.LogWarning("Created the administrator '{User}' with a generated password, printed once below; change it after signing in",
            AdministratorBootstrap.UserName);
        Console.Out.WriteLine($"""

            ================================================================
             EnvGis administrator account (shown only this once):
               user name: {AdministratorBootstrap.UserName}
               password:  {generated}
            ================================================================

            """);
        await Console.Out.FlushAsync();
    }
}
