using System.Text.Json;
using EnvGis.Core.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Server.Hosting;

/// <summary>
/// Refuses text that may not be stored (<see cref="TextCheck"/>: control characters, lone surrogates) in
/// every /api request before an endpoint sees it: query values, JSON bodies (every string and member
/// name, at any depth) and form values. The answer is problem details with code <c>invalid-text</c> and
/// the place of the text in <c>field</c>. The record writer checks again, for the OGC channels.
/// </summary>
public static class TextInputCheck
{
    /// <summary>Bodies larger than this are left to the endpoint's own size limit.</summary>
    private const int MaxCheckedBody = 16 * 1024 * 1024;

    public static IApplicationBuilder UseTextInputCheck(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            if (await FindProblemAsync(context.Request) is { } problem)
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Text not accepted",
                    detail: $"The text of '{problem.Field}' {problem.Why}.",
                    extensions: new Dictionary<string, object?> { ["code"] = TextCheck.ProblemCode, ["field"] = problem.Field })
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        }));

    private static async Task<(string Field, string Why)?> FindProblemAsync(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (TextCheck.Problem(key) is { } keyProblem)
            {
                return (TextCheck.Printable(key), keyProblem);
            }

            foreach (var value in values)
            {
                if (TextCheck.Problem(value) is { } why)
                {
                    return (key, why);
                }
            }
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength is 0 or > MaxCheckedBody)
        {
            return null;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is "application/x-www-form-urlencoded")
        {
            return await FormProblemAsync(request);
        }

        return mediaType is { } type && (type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            ? await JsonProblemAsync(request)
            : null;
    }

    private static async Task<(string, string)?> JsonProblemAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxCheckedBody);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64 }, request.HttpContext.RequestAborted);
            return Walk(document.RootElement, "$");
        }
        catch (JsonException)
        {
            return null; // Not JSON: the endpoint says so in its own words.
        }
        catch (BadHttpRequestException)
        {
            return null; // Too large: likewise.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static (string, string)? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Check(element, path);
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var name = NameOf(member);
                    if (name.Problem is { } nameProblem)
                    {
                        return (path, "has a member name that " + nameProblem);
                    }

                    if (Walk(member.Value, path + "." + name.Text) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static (string, string)? Check(JsonElement value, string path)
    {
        try
        {
            return TextCheck.Problem(value.GetString()) is { } why ? (path, why) : null;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json cannot turn an escaped lone surrogate ("\ud800") into a string.
            return (path, "contains a lone UTF-16 surrogate");
        }
    }

    private static (string Text, string? Problem) NameOf(JsonProperty member)
    {
        try
        {
            return (member.Name, TextCheck.Problem(member.Name));
        }
        catch (InvalidOperationException)
        {
            return ("?", "contains a lone UTF-16 surrogate");
        }
    }

    private static async Task<(string, string)?> FormProblemAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxCheckedBody);
        try
        {
            var form = await new FormReader(request.Body).ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                var why = TextCheck.Problem(key) ?? values.Select(TextCheck.Problem).FirstOrDefault(p => p is not null);
                if (why is not null)
                {
                    return (TextCheck.Printable(key), why);
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
