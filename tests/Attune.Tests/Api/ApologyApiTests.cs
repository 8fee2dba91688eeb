using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attune.Data;
using Attune.Features.Apologies;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Apologies: written in four parts, answered by the partner only, deleted by the author only; and once
/// forgiven, sealed: its words are on no route and no page for either partner, and in nobody's export.
/// </summary>
public abstract partial class ApologyApiTests(AttuneApp app)
{
    internal sealed record ApologyDto(
        Guid Id, bool FromMe, DateTimeOffset CreatedAt, string Status, DateOnly? ForgivenOn,
        string? WhatHappened, string? MyPart, string? Impact, string? NextTime, bool CanAnswer, bool CanDelete);

    private static object Parts(string canary) => new
    {
        whatHappened = canary + " I was late to your party",
        myPart = canary + " I chose to finish a game first",
        impact = canary + " you waited alone and felt unimportant",
        nextTime = canary + " I will leave when we agreed",
    };

    [Fact]
    public async Task Forgiving_seals_the_apology_on_every_route_page_and_export_for_both()
    {
        var (author, partner) = await app.CreatePairedCoupleAsync();
        var canary = "CANARY" + Guid.NewGuid().ToString("N");
        var written = await (await author.Api.PostAsJsonAsync("/api/v1/apologies", Parts(canary))).ReadAsync<ApologyDto>();
        Assert.True(written.FromMe && written.CanDelete && !written.CanAnswer);

        var seen = Assert.Single((await partner.Api.GetFromJsonAsync<List<ApologyDto>>("/api/v1/apologies"))!);
        Assert.Equal(canary + " I chose to finish a game first", seen.MyPart);
        Assert.True(seen.CanAnswer && !seen.CanDelete && seen.Status == "open");

        var needTime = await (await partner.Api.PostAsJsonAsync($"/api/v1/apologies/{written.Id}/answer", new { answer = "need-time" })).ReadAsync<ApologyDto>();
        Assert.Equal("need-time", needTime.Status);
        Assert.NotNull(needTime.Impact);

        // The sweep below can fail: before forgiving, the partner's page shows the words.
        using (var before = await ManualCookies.SignInAsync(app, partner))
        {
            Assert.Contains(canary, await (await before.GetAsync("/apologies")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var forgiven = await (await partner.Api.PostAsJsonAsync($"/api/v1/apologies/{written.Id}/answer", new { answer = "forgive" })).ReadAsync<ApologyDto>();
        Assert.Equal("forgiven", forgiven.Status);
        Assert.Equal(DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), forgiven.ForgivenOn);
        Assert.Null(forgiven.WhatHappened ?? forgiven.MyPart ?? forgiven.Impact ?? forgiven.NextTime);

        foreach (var user in new[] { author, partner })
        {
            await AssertNowhereAsync(user, canary, written.Id);
        }

        // Not hidden but gone: the row keeps only the date.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AttuneDbContext>().Set<Apology>().IgnoreQueryFilters().SingleAsync(a => a.Id == written.Id);
            Assert.Null(row.WhatHappened ?? row.MyPart ?? row.Impact ?? row.NextTime);
        }

        // It cannot be reopened, and only its author can delete it.
        Assert.Equal(HttpStatusCode.Conflict, (await partner.Api.PostAsJsonAsync($"/api/v1/apologies/{written.Id}/answer", new { answer = "talk" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.Api.DeleteAsync($"/api/v1/apologies/{written.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.Api.DeleteAsync($"/api/v1/apologies/{written.Id}")).StatusCode);
        Assert.Empty((await partner.Api.GetFromJsonAsync<List<ApologyDto>>("/api/v1/apologies"))!);
    }

    [Fact]
    public async Task Only_the_partner_answers_and_an_open_apology_can_be_deleted_by_its_author()
    {
        var (author, partner) = await app.CreatePairedCoupleAsync();
        var written = await (await author.Api.PostAsJsonAsync("/api/v1/apologies", Parts("x"))).ReadAsync<ApologyDto>();

        var own = await author.Api.PostAsJsonAsync($"/api/v1/apologies/{written.Id}/answer", new { answer = "forgive" });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        var unknown = await partner.Api.PostAsJsonAsync($"/api/v1/apologies/{written.Id}/answer", new { answer = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("answer", out _));
        var talk = await (await partner.Api.PostAsJsonAsync($"/api/v1/apologies/{written.Id}/answer", new { answer = "talk" })).ReadAsync<ApologyDto>();
        Assert.Equal("talk", talk.Status);
        Assert.Equal("talk", (await author.Api.GetFromJsonAsync<ApologyDto>($"/api/v1/apologies/{written.Id}"))!.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await author.Api.DeleteAsync($"/api/v1/apologies/{written.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.GetAsync($"/api/v1/apologies/{written.Id}")).StatusCode);
    }

    [Fact]
    public async Task Every_part_is_required_and_limited_with_a_message_per_field()
    {
        var (author, _) = await app.CreatePairedCoupleAsync();
        var empty = await author.Api.PostAsJsonAsync("/api/v1/apologies", new { whatHappened = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(ApologyService.Parts, part => Assert.True(errors.TryGetProperty(part, out _), part));

        var tooLong = await author.Api.PostAsJsonAsync("/api/v1/apologies", new { whatHappened = new string('a', ApologyService.MaxPartLength + 1), myPart = "a", impact = "a", nextTime = "a" });
        Assert.Contains(ApologyService.MaxPartLength.ToString(System.Globalization.CultureInfo.InvariantCulture), await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await author.Api.GetFromJsonAsync<List<ApologyDto>>("/api/v1/apologies"))!);
    }

    [Fact]
    public async Task The_pages_write_check_with_the_coach_and_answer_without_javascript()
    {
        var (author, partner) = await app.CreatePairedCoupleAsync();
        using var mine = await ManualCookies.SignInAsync(app, author);
        var fields = new Dictionary<string, string>
        {
            ["WhatHappened"] = "I was late.", ["MyPart"] = "I'm sorry if you were offended.", ["Impact"] = "You waited.", ["NextTime"] = "I'll leave earlier.",
        };
        var check = await (await mine.PostFormAsync("/apologies/new", "/apologies/new?handler=Check", new(fields))).Content.ReadAsStringAsync();
        Assert.Contains("apologises for your partner", check, StringComparison.Ordinal);
        Assert.Empty((await author.Api.GetFromJsonAsync<List<ApologyDto>>("/api/v1/apologies"))!);

        var sent = await mine.PostFormAsync("/apologies/new", "/apologies/new", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = Assert.Single((await partner.Api.GetFromJsonAsync<List<ApologyDto>>("/api/v1/apologies"))!).Id;

        using var theirs = await ManualCookies.SignInAsync(app, partner);
        var answered = await theirs.PostFormAsync("/apologies", $"/apologies?handler=Answer&id={id}", new() { ["answer"] = "forgive" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var page = await (await theirs.GetAsync("/apologies")).Content.ReadAsStringAsync();
        Assert.Contains("Forgiven on", page, StringComparison.Ordinal);
        Assert.DoesNotContain("I was late.", page, StringComparison.Ordinal);
    }

    /// <summary>Every GET route of the API (the apology's id where a route takes one) and every page, as this partner, plus their export.</summary>
    private async Task AssertNowhereAsync(TestUser user, string canary, Guid apologyId)
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => IdParameter().Replace(e.RoutePattern.RawText!, apologyId.ToString()))
            .Where(path => !path.Contains('{', StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Contains($"/api/v1/apologies/{apologyId}", routes);
        foreach (var path in routes)
        {
            Assert.DoesNotContain(canary, await (await user.Api.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var browser = await ManualCookies.SignInAsync(app, user);
        var pages = PageRoutes.Of(app);
        Assert.Contains("/apologies", pages);
        foreach (var path in pages)
        {
            Assert.DoesNotContain(canary, await (await browser.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var export = await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = user.Password });
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.DoesNotContain(canary, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, app.Logs.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{id(:guid)?\}")]
    private static partial Regex IdParameter();
}

public sealed class SqliteApologyApiTests(AttuneApp app, ITestOutputHelper output) : ApologyApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresApologyApiTests(PostgresAttuneApp app, ITestOutputHelper output) : ApologyApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
