using EnvGis.Data.Embedded;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace EnvGis.Server.Hosting;

/// <summary>
/// Turns failures into problem details without internals: an unreachable database is 503, a cancelled
/// or timed-out request 503 too, anything else 500 (logged here, never shown).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            NpgsqlException { IsTransient: true } or EmbeddedClusterException or TimeoutException
                => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again later."),
            OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "The request took too long or was cancelled."),
            NpgsqlException => (StatusCodes.Status503ServiceUnavailable, "The database could not answer this request."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };
        logger.LogError(exception, "{Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
