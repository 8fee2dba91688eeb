using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// A bug on the server is shown as the server's fault: the API answers 500 ProblemDetails with a
/// trace id, a page the friendly error page with the same (never a "400 Bad Request" from the error
/// page's own antiforgery check), over GET and POST, https and plain http; and the fault is logged
/// exactly once, with that trace id. The fault comes from a route that only the test host has.
/// </summary>
public abstract partial class ServerFaultTests(FaultyApp app)
{
    [Theory]
    [InlineData("GET", "https")]
    [InlineData("POST", "https")]
    [InlineData("DELETE", "https")]
    [InlineData("POST", "http")]
    public async Task An_api_fault_is_a_500_problem_with_a_trace_id_logged_once(string method, string scheme)
    {
        var (response, id) = await FailAsync(method, $"{scheme}://attune.test{FaultyApp.ApiPath}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        var traceId = problem.RootElement.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.DoesNotContain(id, body, StringComparison.Ordinal);
        AssertLoggedOnce(id, traceId!);
    }

    [Theory]
    [InlineData("GET", "https")]
    [InlineData("POST", "https")]
    [InlineData("GET", "http")]
    [InlineData("POST", "http")]
    public async Task A_page_fault_is_the_friendly_error_page_with_a_trace_id_logged_once(string method, string scheme)
    {
        var (response, id) = await FailAsync(method, $"{scheme}://attune.test{FaultyApp.PagePath}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("Quick exit", html, StringComparison.Ordinal);
        Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        var traceId = TraceIdOnPage().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(traceId), "no trace id on the page");
        AssertLoggedOnce(id, traceId);
    }

    [Fact]
    public async Task A_fault_in_a_signed_in_form_post_shows_the_error_page_not_a_bad_request()
    {
        var user = await app.RegisterAsync();
        using var browser = await app.PageClientAsync(user);
        var id = Guid.NewGuid().ToString("N");
        var response = await browser.PostAsync($"{FaultyApp.PagePath}?id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "x" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {html}");
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
        AssertLoggedOnce(id, TraceIdOnPage().Match(html).Groups[1].Value);
    }

    private async Task<(HttpResponseMessage Response, string Id)> FailAsync(string method, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{url}?id={id}");
        if (method != "GET")
        {
            // A form post as a browser sends it (no antiforgery token: the fault is not the visitor's).
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "x" });
        }

        return (await client.SendAsync(request), id);
    }

    private void AssertLoggedOnce(string id, string traceId)
    {
        var lines = app.Logs.Text.Split('\n').Where(l => l.Contains(FaultyApp.Message(id), StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"the fault was logged {lines.Count} times:\n" + string.Join("\n", lines.Select(l => l[..Math.Min(l.Length, 300)])));
        Assert.Contains(traceId, lines[0], StringComparison.Ordinal);
    }

    [GeneratedRegex("<code data-trace-id>([^<]+)</code>")]
    private static partial Regex TraceIdOnPage();
}

/// <summary>The app plus two routes that throw, for an API path and a page path; only this test host has them.</summary>
public class FaultyApp : AttuneApp
{
    public const string ApiPath = "/api/v1/test-fault";
    public const string PagePath = "/test-fault";

    public FaultyApp()
        : this(DatabaseKind.Sqlite)
    {
    }

    protected FaultyApp(DatabaseKind database)
        : base(database)
    {
    }

    public static string Message(string id) => $"Deliberate test fault {id}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingRoutes>());
    }

    /// <summary>Runs after the app's own pipeline, so inside its exception handling, for requests no endpoint took.</summary>
    private sealed class ThrowingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, rest) => context.Request.Path == ApiPath || context.Request.Path == PagePath
                ? throw new InvalidOperationException(Message(context.Request.Query["id"].ToString()))
                : rest(context));
        };
    }
}

public sealed class PostgresFaultyApp : FaultyApp
{
    public PostgresFaultyApp()
        : base(DatabaseKind.Postgres)
    {
    }
}

public sealed class SqliteServerFaultTests(FaultyApp app) : ServerFaultTests(app), IClassFixture<FaultyApp>;

public sealed class PostgresServerFaultTests(PostgresFaultyApp app) : ServerFaultTests(app), IClassFixture<PostgresFaultyApp>;
