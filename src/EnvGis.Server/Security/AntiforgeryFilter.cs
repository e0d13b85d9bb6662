using Microsoft.AspNetCore.Antiforgery;

namespace EnvGis.Server.Security;

/// <summary>
/// Requires the antiforgery token (header <see cref="SecurityServices.AntiforgeryHeader"/>) on
/// state-changing requests made with the portal's cookie, and on the sign-in itself. Requests that
/// authenticate on their own (Basic, Bearer) carry no ambient credentials and need none.
/// </summary>
public sealed class AntiforgeryFilter(bool always = false) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && (always || http.GetCaller()?.IsPortalSession == true))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid antiforgery token",
                    detail: $"Signed-in portal requests that change something need the antiforgery token of GET /api/account/antiforgery in the {SecurityServices.AntiforgeryHeader} header.",
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery" });
            }
        }

        return await next(context);
    }
}
