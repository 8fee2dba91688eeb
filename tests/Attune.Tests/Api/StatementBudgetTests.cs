using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Attune.Hosting;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Every signed-in page and every GET route, answered for a partner whose Today has every card, with the caches
/// off, takes at most the SQL statements written next to it (<see cref="StatementBudgetAttribute"/> on the page model
/// or the route; the defaults otherwise). The counts are printed, so a raise is a measured one.
/// </summary>
public abstract class StatementBudgetTests(StatementCountingApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_and_every_GET_route_stays_within_its_statement_budget()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await FillEveryCardAsync(couple);
        using var browser = await ManualCookies.SignInAsync(app, couple.Inviter);
        var budgets = Budgets();
        var over = new List<string>();
        var measured = 0;

        foreach (var (path, budget) in budgets)
        {
            var id = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(StatementCountingApp.Header, id);
            using var response = path.StartsWith("/api/", StringComparison.Ordinal) ? await couple.Inviter.Api.SendAsync(request) : await browser.SendAsync(request);
            await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !app.Counts.TryRemove(id, out var statements))
            {
                output.WriteLine($"{path}: {(int)response.StatusCode}, not measured");
                continue;
            }

            measured++;
            output.WriteLine($"{path}: {statements} statements (budget {budget})");
            if (statements > budget)
            {
                over.Add($"{path}: {statements} > {budget}");
            }
        }

        Assert.True(measured >= 20, $"only {measured} pages and routes answered 200");
        Assert.True(over.Count == 0, "Over budget: " + string.Join("; ", over));
    }

    [Fact]
    public async Task The_counting_itself_sees_the_statements_of_a_request()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var (status, statements) = await app.CountAsync(couple.Inviter.Api, "/api/v1/today");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(statements, 1, 100);
    }

    /// <summary>The paths to measure with their budgets: signed-in pages (the hubs and Today first) and GET routes without route values.</summary>
    private List<(string Path, int Budget)> Budgets()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints
            .Select(e => (Endpoint: e, Page: e.Metadata.OfType<CompiledPageActionDescriptor>().FirstOrDefault()))
            .Where(p => p.Page is not null && p.Endpoint.RoutePattern.Parameters.All(x => x.IsOptional))
            .Select(p => ("/" + string.Join('/', p.Endpoint.RoutePattern.PathSegments
                    .Where(s => s.Parts.All(part => part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart))
                    .Select(s => string.Concat(s.Parts.OfType<Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart>().Select(l => l.Content)))),
                p.Page!.ModelTypeInfo?.GetCustomAttribute<StatementBudgetAttribute>()?.Statements ?? StatementBudgetAttribute.DefaultPage));
        var routes = ApiRoutes.Of(app).Where(r => r.Method == "GET" && r.RouteValues.Count == 0)
            .Select(r => (r.Pattern, endpoints.First(e => e.RoutePattern.RawText?.TrimEnd('/') == r.Pattern).Metadata
                .GetMetadata<StatementBudgetAttribute>()?.Statements ?? StatementBudgetAttribute.DefaultRoute));
        string[] skip = ["/account/sign-out", "/api/v1/export", "/api/v1/me/export"];
        return [.. pages.Concat(routes).DistinctBy(p => p.Item1).Where(p => !skip.Contains(p.Item1)).OrderBy(p => p.Item1, StringComparer.Ordinal)];
    }

    /// <summary>A revealed question, a new appreciation, a hard day, good news, a revealed check-in, a ritual and a letter waiting.</summary>
    private static async Task FillEveryCardAsync((TestUser Inviter, TestUser Partner) couple)
    {
        var (me, partner) = couple;
        await couple.BothAnswerAsync("I loved the long walk on Sunday.", "The quiet breakfast together.");
        await Ok(partner.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "Thank you for making soup when I was tired." }));
        await Ok(partner.Api.PostAsJsonAsync("/api/v1/support-requests", new { note = "A long day at work.", intensity = 2 }));
        await Ok(partner.Api.PostAsJsonAsync("/api/v1/good-news", new { text = "I passed the exam." }));
        await Ok(partner.Api.PostAsJsonAsync("/api/v1/rituals", new { template = "walk-and-talk", days = new List<string> { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }, time = "21:00", durationMinutes = 30 }));
        await Ok(partner.Api.PostAsJsonAsync("/api/v1/letters", new { text = "For when we are together." }));
        await Ok(me.Api.PostAsJsonAsync("/api/v1/journal", new { text = "A calm day.", feelings = new List<string> { "calm" }, intensity = 2 }));
        await me.SubmitCheckInAsync(CheckInClient.Full(appreciation: "the soup"));
        await partner.SubmitCheckInAsync(CheckInClient.Full(appreciation: "the walk"));
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class SqliteStatementBudgetTests(StatementCountingApp app, ITestOutputHelper output)
    : StatementBudgetTests(app, output), IClassFixture<StatementCountingApp>;

public sealed class PostgresStatementBudgetTests(PostgresStatementCountingApp app, ITestOutputHelper output)
    : StatementBudgetTests(app, output), IClassFixture<PostgresStatementCountingApp>;
