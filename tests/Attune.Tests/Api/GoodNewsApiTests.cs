using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Features.GoodNews;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

public sealed record GoodNewsDto(Guid Id, string Text, DateTimeOffset CreatedAt, bool FromMe, string? Reply, DateTimeOffset? RepliedAt);

public sealed record GoodNewsListDto(List<GoodNewsDto> Items, Guid? NextBefore);

/// <summary>Good news shared by one partner and answered by the other, through the API and the pages.</summary>
public abstract class GoodNewsApiTests(AttuneApp app)
{
    [Fact]
    public async Task Shared_news_waits_on_the_partners_today_with_the_guide_and_both_see_the_exchange()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var news = "I got the job " + Guid.NewGuid().ToString("N");
        var shared = await ana.Api.PostAsJsonAsync("/api/v1/good-news", new { text = news });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var item = await shared.ReadAsync<GoodNewsDto>();
        Assert.Equal((news, true, (string?)null), (item.Text, item.FromMe, item.Reply));

        using var benPages = await app.PageClientAsync(ben);
        var today = await benPages.GetStringAsync("/today");
        Assert.Contains("data-testid=\"good-news-card\"", today, StringComparison.Ordinal);
        Assert.Contains(news, today, StringComparison.Ordinal);
        Assert.Contains("Ask about it.", today, StringComparison.Ordinal);
        using var anaPages = await app.PageClientAsync(ana);
        Assert.DoesNotContain("data-testid=\"good-news-card\"", await anaPages.GetStringAsync("/today"), StringComparison.Ordinal);

        var own = await ana.Api.PostAsJsonAsync($"/api/v1/good-news/{item.Id}/reply", new { text = "well done me" });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ben.Api.PostAsJsonAsync($"/api/v1/good-news/{item.Id}/reply", new { text = "  " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Api.PostAsJsonAsync($"/api/v1/good-news/{Guid.NewGuid()}/reply", new { text = "yay" })).StatusCode);

        var reply = "Tell me everything! How did they call you?";
        var replied = await (await ben.Api.PostAsJsonAsync($"/api/v1/good-news/{item.Id}/reply", new { text = reply })).ReadAsync<GoodNewsDto>();
        Assert.Equal((reply, false), (replied.Reply, replied.FromMe));
        Assert.DoesNotContain("data-testid=\"good-news-card\"", await benPages.GetStringAsync("/today"), StringComparison.Ordinal);

        var seen = (await ana.Api.GetFromJsonAsync<GoodNewsListDto>("/api/v1/good-news"))!.Items.Single();
        Assert.Equal((news, reply), (seen.Text, seen.Reply));
        var page = await anaPages.GetStringAsync("/good-news");
        Assert.Contains(news, page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reply), page, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Set<GoodNewsItem>().IgnoreQueryFilters().SingleAsync(g => g.Id == item.Id));
        Assert.DoesNotContain("I got the job", Encoding.UTF8.GetString(stored.Text), StringComparison.Ordinal);
        Assert.DoesNotContain("Tell me everything", Encoding.UTF8.GetString(stored.Reply!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task News_and_replies_are_checked_the_same_way_on_the_page()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PostAsJsonAsync("/api/v1/good-news", new { text = new string('x', GoodNewsService.MaxLength + 1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.GetAsync("/api/v1/good-news?limit=1000")).StatusCode);
        var item = await (await ana.Api.PostAsJsonAsync("/api/v1/good-news", new { text = "A good run" })).ReadAsync<GoodNewsDto>();

        using var page = await ManualCookies.SignInAsync(app, ben);
        var refused = await page.PostFormAsync("/good-news", $"/good-news?handler=Reply&id={item.Id}", new() { ["Reply"] = " " });
        Assert.Contains("Please write a few words back.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answered = await page.PostFormAsync("/good-news", $"/good-news?handler=Reply&id={item.Id}", new() { ["Reply"] = "So proud of you" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal("So proud of you", (await ana.Api.GetFromJsonAsync<GoodNewsListDto>("/api/v1/good-news"))!.Items.Single().Reply);
    }
}

public sealed class SqliteGoodNewsApiTests(AttuneApp app, ITestOutputHelper output) : GoodNewsApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresGoodNewsApiTests(PostgresAttuneApp app, ITestOutputHelper output) : GoodNewsApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
