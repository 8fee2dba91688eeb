using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>Depth ladder, reactions, history and custom questions; runs on SQLite and PostgreSQL.</summary>
public abstract class LadderAndHistoryApiTests(AttuneApp app)
{
    [Fact]
    public async Task The_couple_goes_deeper_only_after_five_reveals_and_when_both_say_yes_and_either_can_step_back()
    {
        var couple = await app.CreatePairedCoupleAsync();
        for (var day = 0; day < 5; day++)
        {
            Assert.False((await couple.Inviter.TodayAsync()).Depth.InvitedDeeper);
            await couple.BothAnswerAsync();
            app.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(new DepthDto(1, 1, true), (await couple.Inviter.TodayAsync()).Depth);
        Assert.Equal(new DepthDto(1, 1, true), (await couple.Partner.TodayAsync()).Depth);

        var afterOne = await (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/me/depth", new { maxDepth = 2 })).ReadAsync<DepthDto>();
        Assert.Equal(new DepthDto(2, 1, false), afterOne);
        Assert.Equal(new DepthDto(1, 1, true), (await couple.Partner.TodayAsync()).Depth);

        var afterBoth = await (await couple.Partner.Api.PutAsJsonAsync("/api/v1/me/depth", new { maxDepth = 2 })).ReadAsync<DepthDto>();
        Assert.Equal(new DepthDto(2, 2, false), afterBoth);

        await couple.Partner.Api.PutAsJsonAsync("/api/v1/me/depth", new { maxDepth = 1 });
        var seenByInviter = await couple.Inviter.Api.GetStringAsync("/api/v1/today");
        using var json = JsonDocument.Parse(seenByInviter);
        var depth = json.RootElement.GetProperty("depth");
        Assert.Equal(1, depth.GetProperty("couple").GetInt32());
        Assert.Equal(2, depth.GetProperty("mine").GetInt32());
        Assert.Equal(3, depth.EnumerateObject().Count()); // mine, couple, invitedDeeper: never the partner's setting
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(null)]
    public async Task A_depth_outside_one_to_three_is_refused(int? maxDepth)
    {
        var couple = await app.CreatePairedCoupleAsync();
        var response = await couple.Inviter.Api.PutAsJsonAsync("/api/v1/me/depth", new { maxDepth });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maxDepth", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactions_wait_for_the_reveal_and_then_reach_the_partner()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.Inviter.AnswerAsync("something brave");
        var early = await couple.Partner.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "thank-you" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await couple.Partner.AnswerAsync("my answer");
        var invalid = await couple.Partner.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "shrug" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var reacted = await couple.Partner.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "thank-you", text = "That meant a lot." });
        Assert.Equal(HttpStatusCode.OK, reacted.StatusCode);

        var seen = await couple.Inviter.TodayAsync();
        Assert.Equal(new ReactionDto("thank-you", "That meant a lot."), seen.Reactions.Partner);
        Assert.Null(seen.Reactions.Mine);
    }

    [Fact]
    public async Task History_shows_only_revealed_days_newest_first_filtered_and_paged()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var revealed = new List<TodayDto>();
        for (var day = 0; day < 3; day++)
        {
            revealed.Add(await couple.BothAnswerAsync($"mine {day}", $"yours {day}"));
            app.Time.Advance(TimeSpan.FromDays(1));
        }

        await couple.Inviter.AnswerAsync("only one of us answered");
        var history = await (await couple.Partner.Api.GetAsync("/api/v1/questions/history")).ReadAsync<HistoryDto>();

        Assert.Equal(revealed.Select(d => d.Date).Reverse(), history.Items.Select(i => i.Date));
        Assert.Equal(("yours 2", "mine 2"), (history.Items[0].Mine.Text, history.Items[0].Partner.Text));
        Assert.DoesNotContain("only one of us answered", await couple.Partner.Api.GetStringAsync("/api/v1/questions/history"), StringComparison.Ordinal);
        Assert.Null(history.NextBefore);

        var page = await (await couple.Partner.Api.GetAsync("/api/v1/questions/history?limit=2")).ReadAsync<HistoryDto>();
        Assert.Equal(2, page.Items.Count);
        var rest = await (await couple.Partner.Api.GetAsync($"/api/v1/questions/history?limit=2&before={page.NextBefore:yyyy-MM-dd}")).ReadAsync<HistoryDto>();
        Assert.Equal(revealed[0].Date, Assert.Single(rest.Items).Date);

        var category = revealed[1].Question.Category;
        var filtered = await (await couple.Partner.Api.GetAsync($"/api/v1/questions/history?category={category}")).ReadAsync<HistoryDto>();
        Assert.Contains(filtered.Items, i => i.Date == revealed[1].Date);
        Assert.All(filtered.Items, i => Assert.Equal(category, i.Question.Category));
        Assert.Equal(HttpStatusCode.BadRequest, (await couple.Partner.Api.GetAsync("/api/v1/questions/history?category=gossip")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await couple.Partner.Api.GetAsync("/api/v1/questions/history?limit=0")).StatusCode);
    }

    [Fact]
    public async Task Custom_questions_are_shared_by_the_couple_removable_by_either_and_invisible_to_others()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var other = await app.CreatePairedCoupleAsync();
        var created = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom",
            new { text = "What would our perfect Sunday look like?", category = "relationship", depth = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var question = await created.ReadAsync<CustomQuestionDto>();

        var seenByPartner = await (await couple.Partner.Api.GetAsync("/api/v1/questions/custom")).ReadAsync<List<CustomQuestionDto>>();
        Assert.Equal(question with { AddedByMe = false }, Assert.Single(seenByPartner));
        Assert.Empty(await (await other.Inviter.Api.GetAsync("/api/v1/questions/custom")).ReadAsync<List<CustomQuestionDto>>());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Inviter.Api.DeleteAsync($"/api/v1/questions/custom/{question.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Partner.Api.DeleteAsync($"/api/v1/questions/custom/{question.Id}")).StatusCode);
        Assert.Empty(await (await couple.Inviter.Api.GetAsync("/api/v1/questions/custom")).ReadAsync<List<CustomQuestionDto>>());
        Assert.Equal(HttpStatusCode.NotFound, (await couple.Partner.Api.DeleteAsync($"/api/v1/questions/custom/{question.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("", "fun", 1, "text")]
    [InlineData("Why?", "gossip", 1, "category")]
    [InlineData("Why?", "fun", 5, "depth")]
    public async Task Bad_custom_questions_are_refused_with_the_field_named(string text, string category, int depth, string field)
    {
        var couple = await app.CreatePairedCoupleAsync();
        var response = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text, category, depth });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_custom_question_enters_the_rotation()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = "Which smell means home to you?", category = "inner-world", depth = 1 });
        var asked = new List<string>();
        var allowed = new Attune.Features.Questions.QuestionLibrary().All.Count(q => q.Depth == 1) + 1;
        for (var day = 0; day < allowed; day++)
        {
            asked.Add((await couple.Partner.TodayAsync()).Question.Text);
            app.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Single(asked, t => t == "Which smell means home to you?");
    }
}

public sealed class SqliteLadderAndHistoryApiTests(AttuneApp app, ITestOutputHelper output) : LadderAndHistoryApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresLadderAndHistoryApiTests(PostgresAttuneApp app, ITestOutputHelper output) : LadderAndHistoryApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
