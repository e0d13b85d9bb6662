using Microsoft.Playwright;

namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>Console errors and warnings, page errors, failed requests, HTTP errors and requests to other hosts.</summary>
public sealed class BrowserLog
{
    private readonly List<string> problems = [];
    private readonly List<Func<string, bool>> allowed = [];

    public BrowserLog(IPage page, Uri baseUrl)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Add($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"page error: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                && (url.Host != baseUrl.Host || url.Port != baseUrl.Port))
            {
                Add($"request outside the server: {request.Url}");
            }
        };
    }

    /// <summary>Problems matching <paramref name="expected"/> are part of the test (e.g. the 401 of an ended session).</summary>
    public void Allow(Func<string, bool> expected)
    {
        lock (problems)
        {
            allowed.Add(expected);
        }
    }

    private void Add(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    public void AssertClean()
    {
        lock (problems)
        {
            var unexpected = problems.Where(p => !allowed.Any(a => a(p))).ToList();
            Assert.True(unexpected.Count == 0, "The browser reported:\n" + string.Join('\n', unexpected));
        }
    }
}
