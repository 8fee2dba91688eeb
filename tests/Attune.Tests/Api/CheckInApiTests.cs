using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>The weekly check-in: drafts, submission, the mutual reveal, the conversation and the API's refusals.</summary>
public abstract class CheckInApiTests(AttuneApp app)
{
    private static readonly string[] FourAppreciations = ["a", "b", "c", "d"];

    [Fact]
    public async Task Nothing_of_the_partners_check_in_is_visible_before_both_submitted_not_even_a_draft()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");

        // A draft: the partner is not even told it exists.
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/current", CheckInClient.Full(concern: canary + " draft"))).StatusCode);
        var partnerView = await couple.Partner.CurrentCheckInAsync();
        Assert.False(partnerView.PartnerCheckedIn);
        Assert.Null(partnerView.Mine);
        using var partnerPage = await ManualCookies.SignInAsync(app, couple.Partner);
        var page = await (await partnerPage.GetAsync("/check-in/week")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("partner-state", page, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, page, StringComparison.Ordinal);

        // Submitted: "has checked in", and nothing more.
        var submitted = await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full(rating: 2, feltAlone: 4, concern: canary, appreciation: canary + " thanks"));
        Assert.False(submitted.Revealed);
        partnerView = await couple.Partner.CurrentCheckInAsync();
        Assert.True(partnerView.PartnerCheckedIn);
        Assert.Null(partnerView.Partner);
        foreach (var path in new[] { "/api/v1/checkins/current", "/api/v1/checkins", "/api/v1/insights/trends", "/api/v1/insights/notices" })
        {
            Assert.DoesNotContain(canary, await couple.Partner.Api.GetStringAsync(path), StringComparison.Ordinal);
        }

        var trends = (await couple.Partner.Api.GetFromJsonAsync<TrendsDto>("/api/v1/insights/trends"))!;
        Assert.All(trends.Series, s => Assert.Empty(s.Points));
        foreach (var path in new[] { "/check-in/week", "/check-in/trends", "/check-in/conversation", "/today" })
        {
            var html = await (await partnerPage.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(canary, html, StringComparison.Ordinal);
            Assert.DoesNotContain("conversation-card", html, StringComparison.Ordinal);
        }

        // Both submitted: both see both.
        var revealed = await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(rating: 6, concern: "my own worry"));
        Assert.True(revealed.Revealed);
        Assert.Equal(canary, revealed.Partner!.Concern);
        Assert.Equal(2, revealed.Partner.Trust);
        Assert.Equal("my own worry", (await couple.Inviter.CurrentCheckInAsync()).Partner!.Concern);
        Assert.Contains("data-testid=\"conversation-card\"", await (await partnerPage.GetAsync("/today")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var conversation = await (await partnerPage.GetAsync("/check-in/conversation")).Content.ReadAsStringAsync();
        Assert.Contains(canary + " thanks", conversation, StringComparison.Ordinal);
        trends = (await couple.Partner.Api.GetFromJsonAsync<TrendsDto>("/api/v1/insights/trends"))!;
        var trust = trends.Series.Single(s => s.Measure == "trust").Points.Single();
        Assert.Equal((6, 2), (trust.Mine, trust.Partner));
    }

    [Fact]
    public async Task Out_of_range_ratings_a_second_submit_an_incomplete_one_and_a_past_week_are_refused_clearly()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var week = (await couple.Inviter.CurrentCheckInAsync()).Week;

        var outOfRange = await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/current", new { trust = 8, feltAlone = 5, closeness = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        var problem = await outOfRange.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Contains("1 to 7", problem!.Errors["trust"][0], StringComparison.Ordinal);
        Assert.True(problem.Errors.ContainsKey("feltAlone") && problem.Errors.ContainsKey("closeness"));

        var tooMany = await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/current", new { appreciations = FourAppreciations });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        var incomplete = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/checkins/current/submit", new { trust = 5, wish = "kept as a draft" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var draft = await couple.Inviter.CurrentCheckInAsync();
        Assert.Equal("kept as a draft", draft.Mine!.Wish);
        Assert.Null(draft.Mine.SubmittedAt);

        var pastWeek = await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/current", CheckInClient.Full(week: week.AddDays(-7)));
        Assert.Equal(HttpStatusCode.Conflict, pastWeek.StatusCode);
        Assert.Contains("this week", (await pastWeek.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);

        await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full(week: week));
        var again = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/checkins/current/submit", CheckInClient.Full());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already checked in", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/current", CheckInClient.Full())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await couple.Inviter.Api.GetAsync("/api/v1/checkins?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/day", new { day = "someday" })).StatusCode);
    }

    [Fact]
    public async Task The_conversation_can_be_marked_done_only_once_both_have_checked_in()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var week = (await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full())).Week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Conflict, (await couple.Inviter.Api.PostAsync($"/api/v1/checkins/{week}/conversation-done", null)).StatusCode);
        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full());

        var done = await (await couple.Partner.Api.PostAsync($"/api/v1/checkins/{week}/conversation-done", null)).ReadAsync<CheckInWeekDto>();
        Assert.NotNull(done.ConversationDoneAt);
        Assert.NotNull((await couple.Inviter.CurrentCheckInAsync()).ConversationDoneAt);
        var list = (await couple.Inviter.Api.GetFromJsonAsync<CheckInListDto>("/api/v1/checkins?limit=5"))!;
        Assert.True(Assert.Single(list.Items).Revealed);
    }

    [Fact]
    public async Task A_new_week_starts_at_local_midnight_of_the_chosen_day_in_the_couples_time_zone()
    {
        var couple = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/couple", new { timeZone = "Pacific/Auckland" })).StatusCode);
        var set = await (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/day", new { day = "tuesday" })).ReadAsync<CheckInWeekDto>();
        Assert.Equal(DayOfWeek.Tuesday, set.Week.DayOfWeek);

        // Move to one minute before the next Tuesday 00:00 in Auckland.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        var nextStart = set.Week.AddDays(7).ToDateTime(TimeOnly.MinValue);
        var utcStart = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nextStart, zone), TimeSpan.Zero);
        app.Time.Advance(utcStart - app.Time.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.Equal(set.Week, (await couple.Inviter.CurrentCheckInAsync()).Week);
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/checkins/current", CheckInClient.Full(week: set.Week))).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(2));
        var next = await couple.Partner.CurrentCheckInAsync();
        Assert.Equal(set.Week.AddDays(7), next.Week);
        Assert.Equal(HttpStatusCode.Conflict, (await couple.Inviter.Api.PostAsJsonAsync("/api/v1/checkins/current/submit", CheckInClient.Full(week: set.Week))).StatusCode);
        Assert.Null((await couple.Inviter.CurrentCheckInAsync()).Mine);
    }

    [Fact]
    public async Task Felt_alone_notices_come_only_from_what_each_partner_may_see_and_can_be_put_away()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(feltAlone: 4));
        app.Time.Advance(TimeSpan.FromDays(7));
        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(feltAlone: 3));

        // The partner's own answers raise their own notice; I, who never checked in, see nothing of it.
        var notice = Assert.Single(await couple.Partner.NoticesAsync(), n => n.Rule == "felt-alone");
        Assert.Empty(await couple.Inviter.NoticesAsync());
        using var inviterPage = await ManualCookies.SignInAsync(app, couple.Inviter);
        Assert.DoesNotContain("data-testid=\"notice\"", await (await inviterPage.GetAsync("/today")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await couple.Inviter.Api.PostAsync($"/api/v1/insights/notices/{notice.Id}/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await couple.Partner.Api.PostAsync($"/api/v1/insights/notices/{notice.Id}/dismiss", null)).StatusCode);
        Assert.DoesNotContain(await couple.Partner.NoticesAsync(), n => n.Id == notice.Id);
    }

    [Fact]
    public async Task The_summary_for_a_counsellor_opens_only_when_both_partners_consent()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full(concern: canary));
        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(appreciation: canary));
        using var inviter = await ManualCookies.SignInAsync(app, couple.Inviter);
        using var partner = await ManualCookies.SignInAsync(app, couple.Partner);

        Assert.Equal(HttpStatusCode.Redirect, (await inviter.GetAsync("/check-in/counselling/summary")).StatusCode);
        var yes = new Dictionary<string, string> { ["consent"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await inviter.PostFormAsync("/check-in/counselling", "/check-in/counselling?handler=Consent", yes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await inviter.GetAsync("/check-in/counselling/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.GetAsync("/check-in/counselling/summary")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await partner.PostFormAsync("/check-in/counselling", "/check-in/counselling?handler=Consent", new() { ["consent"] = "true" })).StatusCode);
        var summary = await inviter.GetAsync("/check-in/counselling/summary");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var html = await summary.Content.ReadAsStringAsync();
        Assert.Contains("class=\"chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, html, StringComparison.Ordinal);

        // Either one taking the yes back closes it again.
        await partner.PostFormAsync("/check-in/counselling", "/check-in/counselling?handler=Consent", new() { ["consent"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, (await inviter.GetAsync("/check-in/counselling/summary")).StatusCode);
    }

    [Fact]
    public async Task The_csv_holds_only_my_own_answers()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full(rating: 3));
        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(rating: 6));
        using var inviter = await ManualCookies.SignInAsync(app, couple.Inviter);
        var csv = await (await inviter.GetAsync("/check-in/trends?handler=Csv")).Content.ReadAsStringAsync();
        var lines = csv.Trim().Split('\n');
        Assert.Equal("week,trust,communication,vulnerability,empathy,support,togetherness,felt_alone,closeness", lines[0]);
        Assert.EndsWith(",3,3,3,3,3,3,1,5", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_partners_appreciations_go_to_the_jar_when_the_week_is_revealed_and_not_before()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var fromInviter = "CANARY-thanks-" + Guid.NewGuid().ToString("N");
        var fromPartner = "CANARY-thanks-" + Guid.NewGuid().ToString("N");
        await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full(appreciation: fromInviter));
        Assert.DoesNotContain(fromInviter, await couple.Partner.Api.GetStringAsync("/api/v1/appreciations?direction=received"), StringComparison.Ordinal);
        Assert.DoesNotContain(fromInviter, await couple.Inviter.Api.GetStringAsync("/api/v1/appreciations?direction=sent"), StringComparison.Ordinal);

        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(appreciation: fromPartner));
        var partnerGot = (await couple.Partner.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=received"))!;
        Assert.Equal(fromInviter, Assert.Single(partnerGot.Items).Text);
        var inviterGot = (await couple.Inviter.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=received"))!;
        Assert.Equal(fromPartner, Assert.Single(inviterGot.Items).Text);
        Assert.Equal(fromInviter, Assert.Single((await couple.Inviter.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=sent"))!.Items).Text);
    }

    [Fact]
    public async Task Counsellor_consent_and_summary_through_the_api_need_both_and_hold_no_words()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        await couple.Inviter.SubmitCheckInAsync(CheckInClient.Full(concern: canary, rating: 3));
        await couple.Partner.SubmitCheckInAsync(CheckInClient.Full(appreciation: canary));

        var invalid = await couple.Inviter.Api.PutAsJsonAsync("/api/v1/insights/counsellor-consent", new { });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<ValidationProblem>())!.Errors.ContainsKey("consent"));
        var mine = await (await couple.Inviter.Api.PutAsJsonAsync("/api/v1/insights/counsellor-consent", new { consent = true })).ReadAsync<ConsentDto>();
        Assert.Equal(new ConsentDto(true, false, false), mine);
        Assert.Equal(new ConsentDto(false, true, false), await couple.Partner.Api.GetFromJsonAsync<ConsentDto>("/api/v1/insights/counsellor-consent"));
        Assert.Equal(HttpStatusCode.Forbidden, (await couple.Inviter.Api.GetAsync("/api/v1/insights/counsellor-summary")).StatusCode);

        await couple.Partner.Api.PutAsJsonAsync("/api/v1/insights/counsellor-consent", new { consent = true });
        var summary = await couple.Partner.Api.GetAsync("/api/v1/insights/counsellor-summary");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var body = await summary.Content.ReadAsStringAsync();
        Assert.DoesNotContain(canary, body, StringComparison.Ordinal);
        Assert.Contains("\"weeks\":1", body, StringComparison.Ordinal);

        await couple.Inviter.Api.PutAsJsonAsync("/api/v1/insights/counsellor-consent", new { consent = false });
        Assert.Equal(HttpStatusCode.Forbidden, (await couple.Partner.Api.GetAsync("/api/v1/insights/counsellor-summary")).StatusCode);
    }

    [Fact]
    public async Task Checking_the_concern_gently_keeps_the_draft_and_shows_the_coachs_notes_beside_it()
    {
        var couple = await app.CreatePairedCoupleAsync();
        using var page = await ManualCookies.SignInAsync(app, couple.Inviter);
        var concern = "You never listen to me when I talk about work";
        var response = await page.PostFormAsync("/check-in/week", "/check-in/week?handler=Coach", new()
        {
            ["Input.Trust"] = "4",
            ["Input.Concern"] = concern,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"concern-coach\"", html, StringComparison.Ordinal);
        Assert.Contains("“You never”", html, StringComparison.Ordinal);

        var draft = (await couple.Inviter.CurrentCheckInAsync()).Mine!;
        Assert.Equal((concern, 4, (DateTimeOffset?)null), (draft.Concern, draft.Trust, draft.SubmittedAt));
    }

    private sealed record ConsentDto(bool Mine, bool Partner, bool Both);

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}

public sealed class SqliteCheckInApiTests(AttuneApp app, ITestOutputHelper output) : CheckInApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresCheckInApiTests(PostgresAttuneApp app, ITestOutputHelper output) : CheckInApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
