using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Every /api/v1 route, taken from the app's own endpoint list, called by someone of another couple
/// with this couple's identifiers: it never shows this couple's words and never changes their data.
/// A route the app gains without an entry here fails the test, so new routes cannot skip the check.
/// </summary>
public abstract class IsolationMatrixTests(AttuneApp app)
{
    private static readonly HashSet<string> AnonymousRoutes =
    [
        "POST /api/v1/auth/register", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/confirm", "POST /api/v1/auth/confirm/again",
        "POST /api/v1/auth/passkey/options", "POST /api/v1/auth/passkey",
    ];

    [Fact]
    public async Task Another_couple_can_neither_read_nor_change_anything_of_this_couple_through_any_route()
    {
        var victim = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        var custom = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom",
            new { text = canary + " question?", category = "fun", depth = 1 })).ReadAsync<CustomQuestionDto>();
        await victim.BothAnswerAsync(canary + " inviter", canary + " partner");
        await victim.Partner.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "heart", text = canary + " reply" });
        var kept = await KeepsakesAsync(victim, canary);
        // A revealed check-in and a conversation to aim at; a notice id has the same shape as a real one (rule and week).
        await victim.Inviter.SubmitCheckInAsync(CheckInClient.Full(feltAlone: 4, concern: canary + " concern"));
        var victimWeek = (await victim.Partner.SubmitCheckInAsync(CheckInClient.Full(appreciation: canary + " appreciation"))).Week;
        var victimNotice = $"felt-alone-{victimWeek:yyyyMMdd}";
        var journal = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/journal",
            new { text = canary + " journal", feelings = new List<string> { "tender" }, intensity = 3 })).ReadAsync<JournalEntryDto>();
        await victim.Inviter.Api.PostAsync($"/api/v1/journal/{journal.Id}/share", null);
        var letter = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/letters", new { text = canary + " letter" })).ReadAsync<LetterDto>();
        var victimSession = (await victim.Inviter.Api.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))![0].Id;
        var apology = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/apologies",
            new { whatHappened = canary + " a", myPart = canary + " b", impact = canary + " c", nextTime = canary + " d" })).ReadAsync<ApologyRef>();
        var listening = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/listening", new { mode = "two-devices", firstSpeaker = "me" })).ReadAsync<ApologyRef>();
        var gazing = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/exercises/gazing", new { minutes = 1 })).ReadAsync<ApologyRef>();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await victim.Inviter.Api.PostAsJsonAsync($"/api/v1/exercises/gazing/{gazing.Id}/reflection", new { text = canary + " gazing" });
        await victim.Partner.Api.PostAsJsonAsync($"/api/v1/exercises/gazing/{gazing.Id}/reflection", new { text = canary + " gazing too" });
        var evening = await (await victim.Partner.Api.PostAsJsonAsync("/api/v1/exercises/evening", new { set = 2 })).ReadAsync<ApologyRef>();
        await victim.Inviter.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { enabled = true });
        await victim.Inviter.Api.PostAsJsonAsync("/api/v1/desires/adult", new { confirm = true });
        await victim.Inviter.Api.PutAsJsonAsync("/api/v1/desires/hold-hands", new { mark = "yes" });
        var quiz = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/quiz/rounds", new { subject = "me" })).ReadAsync<QuizRoundDto>();
        await victim.Inviter.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{quiz.Id}/mine", new { items = quiz.Items.Select(i => new { questionId = i.QuestionId, text = canary + " quiz" }) });
        var goal = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/personal/goals", new { title = canary + " goal", kind = "habit" })).ReadAsync<GoalDto>();
        await victim.Inviter.Api.PostAsync($"/api/v1/personal/goals/{goal.Id}/share", null);
        await victim.Inviter.Api.PostAsJsonAsync($"/api/v1/personal/goals/{goal.Id}/log", new { minutes = 30 });
        var before = await SnapshotAsync(victim.Inviter);

        var intruder = (await app.CreatePairedCoupleAsync()).Inviter;
        var calls = Calls(victim.Inviter, custom.Id, victimSession, kept, victimWeek, victimNotice, apology.Id, journal.Id, letter.Id, listening.Id, (gazing.Id, evening.Id), quiz, goal.Id);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct()
            .ToList();

        Assert.True(routes.Count >= 25, $"only {routes.Count} routes found");
        Assert.All(calls.Keys, key => Assert.Contains(key, routes));
        var uncovered = routes.Where(r => !calls.ContainsKey(r) && !AnonymousRoutes.Contains(r)).ToList();
        Assert.True(uncovered.Count == 0, "Routes without an isolation check: " + string.Join(", ", uncovered));

        // In the order below: leaving and deleting come last, so earlier calls run while the intruder is still paired.
        foreach (var route in calls.Keys.Where(routes.Contains))
        {
            var (method, path, body, expected) = calls[route];
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await intruder.Api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
            Assert.DoesNotContain(victim.Inviter.Email, text, StringComparison.Ordinal);
            if (expected is { } status)
            {
                Assert.True(status == response.StatusCode, $"{route}: expected {status}, got {(int)response.StatusCode}");
            }

            Assert.True((int)response.StatusCode < 500, $"{route} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(victim.Inviter));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateHttpClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email = victim.Inviter.Email, password = victim.Inviter.Password })).StatusCode);
    }

    /// <summary>How the intruder calls each route, aimed at the victim couple where the route takes an id or e-mail.</summary>
    private static Dictionary<string, (string Method, string Path, object? Body, HttpStatusCode? Expected)> Calls(TestUser victim, Guid customId, Guid victimSession, Keepsakes kept, DateOnly victimWeek, string victimNotice, Guid apologyId, Guid journalId, Guid letterId, Guid listeningId, (Guid Gazing, Guid Evening) exercises, QuizRoundDto quiz, Guid goalId) => new()
    {
        ["GET /api/v1/me"] = ("GET", "/api/v1/me", null, null),
        ["PUT /api/v1/me"] = ("PUT", "/api/v1/me", new { displayName = "Intruder", timeZone = "Europe/Paris" }, null),
        ["PUT /api/v1/me/depth"] = ("PUT", "/api/v1/me/depth", new { maxDepth = 3 }, null),
        ["GET /api/v1/couple"] = ("GET", "/api/v1/couple", null, null),
        ["PUT /api/v1/couple"] = ("PUT", "/api/v1/couple", new { timeZone = "Asia/Tokyo" }, null),
        ["POST /api/v1/couple/invitations"] = ("POST", "/api/v1/couple/invitations", null, HttpStatusCode.Conflict),
        ["GET /api/v1/couple/invitations/open"] = ("GET", "/api/v1/couple/invitations/open", null, HttpStatusCode.NotFound),
        ["POST /api/v1/couple/join"] = ("POST", "/api/v1/couple/join", new { code = "ABCD-EFGH" }, HttpStatusCode.Conflict),
        ["GET /api/v1/today"] = ("GET", "/api/v1/today", null, null),
        ["PUT /api/v1/today/answer"] = ("PUT", "/api/v1/today/answer", new { text = "intruder's answer" }, null),
        ["POST /api/v1/today/reactions"] = ("POST", "/api/v1/today/reactions", new { kind = "heart" }, null),
        ["GET /api/v1/questions/history"] = ("GET", "/api/v1/questions/history", null, null),
        ["GET /api/v1/questions/custom"] = ("GET", "/api/v1/questions/custom", null, null),
        ["POST /api/v1/questions/custom"] = ("POST", "/api/v1/questions/custom", new { text = "Intruder?", category = "fun", depth = 1 }, null),
        ["DELETE /api/v1/questions/custom/{id:guid}"] = ("DELETE", $"/api/v1/questions/custom/{customId}", null, HttpStatusCode.NotFound),
        ["POST /api/v1/appreciations"] = ("POST", "/api/v1/appreciations", new { text = "intruder's appreciation" }, HttpStatusCode.Created),
        ["GET /api/v1/appreciations"] = ("GET", "/api/v1/appreciations", null, HttpStatusCode.OK),
        ["PUT /api/v1/appreciations/{id:guid}/favourite"] = ("PUT", $"/api/v1/appreciations/{kept.Appreciation}/favourite", new { favourite = true }, HttpStatusCode.NotFound),
        ["POST /api/v1/appreciations/nudge"] = ("POST", "/api/v1/appreciations/nudge", new { text = "you are lovely" }, HttpStatusCode.OK),
        ["POST /api/v1/good-news"] = ("POST", "/api/v1/good-news", new { text = "intruder's news" }, HttpStatusCode.Created),
        ["GET /api/v1/good-news"] = ("GET", "/api/v1/good-news", null, HttpStatusCode.OK),
        ["POST /api/v1/good-news/{id:guid}/reply"] = ("POST", $"/api/v1/good-news/{kept.GoodNews}/reply", new { text = "intruder's reply" }, HttpStatusCode.NotFound),
        ["GET /api/v1/me/support-preferences"] = ("GET", "/api/v1/me/support-preferences", null, HttpStatusCode.OK),
        ["PUT /api/v1/me/support-preferences"] = ("PUT", "/api/v1/me/support-preferences", new { ways = new List<string> { "space" }, whatHelps = "intruder" }, HttpStatusCode.OK),
        ["POST /api/v1/support-requests"] = ("POST", "/api/v1/support-requests", new { intensity = 1 }, HttpStatusCode.Created),
        ["GET /api/v1/support-requests/active"] = ("GET", "/api/v1/support-requests/active", null, HttpStatusCode.OK),
        ["POST /api/v1/support-requests/{id:guid}/responses"] = ("POST", $"/api/v1/support-requests/{kept.HardDay}/responses", new { kind = "im-here" }, HttpStatusCode.NotFound),
        ["POST /api/v1/support-requests/{id:guid}/close"] = ("POST", $"/api/v1/support-requests/{kept.HardDay}/close", null, HttpStatusCode.NotFound),
        ["GET /api/v1/rituals"] = ("GET", "/api/v1/rituals", null, HttpStatusCode.OK),
        ["POST /api/v1/rituals"] = ("POST", "/api/v1/rituals", new { title = "intruder's ritual", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 }, HttpStatusCode.Created),
        ["GET /api/v1/rituals/{id:guid}"] = ("GET", $"/api/v1/rituals/{kept.Ritual}", null, HttpStatusCode.NotFound),
        ["PUT /api/v1/rituals/{id:guid}"] = ("PUT", $"/api/v1/rituals/{kept.Ritual}", new { title = "intruder's ritual", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 }, HttpStatusCode.NotFound),
        ["DELETE /api/v1/rituals/{id:guid}"] = ("DELETE", $"/api/v1/rituals/{kept.Ritual}", null, HttpStatusCode.NotFound),
        ["POST /api/v1/rituals/{id:guid}/start"] = ("POST", $"/api/v1/rituals/{kept.Ritual}/start", null, HttpStatusCode.NotFound),
        ["GET /api/v1/rituals/sessions/{id:guid}"] = ("GET", $"/api/v1/rituals/sessions/{kept.RitualSession}", null, HttpStatusCode.NotFound),
        ["PUT /api/v1/rituals/sessions/{id:guid}/reflection"] = ("PUT", $"/api/v1/rituals/sessions/{kept.RitualSession}/reflection", new { text = "intruder's line" }, HttpStatusCode.NotFound),
        ["GET /api/v1/activities"] = ("GET", "/api/v1/activities?family=home", null, HttpStatusCode.OK),
        ["GET /api/v1/activities/suggestions"] = ("GET", "/api/v1/activities/suggestions", null, HttpStatusCode.OK),
        // Marks are per couple: this marks the intruder's own library, never the victim's.
        ["PUT /api/v1/activities/{key}/mark"] = ("PUT", "/api/v1/activities/stargazing/mark", new { mark = "not-for-us" }, HttpStatusCode.OK),
        ["GET /api/v1/activities/list"] = ("GET", "/api/v1/activities/list", null, HttpStatusCode.OK),
        ["POST /api/v1/activities/list"] = ("POST", "/api/v1/activities/list", new { title = "intruder's idea" }, HttpStatusCode.Created),
        ["PUT /api/v1/activities/list/{id:guid}/plan"] = ("PUT", $"/api/v1/activities/list/{kept.Plan}/plan", new { date = "2030-01-01" }, HttpStatusCode.NotFound),
        ["POST /api/v1/activities/list/{id:guid}/done"] = ("POST", $"/api/v1/activities/list/{kept.Plan}/done", new { memory = "intruder's memory" }, HttpStatusCode.NotFound),
        ["DELETE /api/v1/activities/list/{id:guid}"] = ("DELETE", $"/api/v1/activities/list/{kept.Plan}", null, HttpStatusCode.NotFound),
        ["GET /api/v1/activities/memories"] = ("GET", "/api/v1/activities/memories", null, HttpStatusCode.OK),
        // Reminder settings are the caller's own: there is no id to aim at, and the victim's settings stay as they were (snapshot).
        ["GET /api/v1/reminders"] = ("GET", "/api/v1/reminders", null, HttpStatusCode.OK),
        ["PUT /api/v1/reminders"] = ("PUT", "/api/v1/reminders", new { question = true, quietFrom = "22:00" }, HttpStatusCode.OK),
        ["GET /api/v1/checkins/current"] = ("GET", "/api/v1/checkins/current", null, HttpStatusCode.OK),
        ["PUT /api/v1/checkins/current"] = ("PUT", "/api/v1/checkins/current", new { trust = 1, concern = "intruder's concern" }, HttpStatusCode.OK),
        ["POST /api/v1/checkins/current/submit"] = ("POST", "/api/v1/checkins/current/submit", new { trust = 1 }, HttpStatusCode.BadRequest),
        ["PUT /api/v1/checkins/day"] = ("PUT", "/api/v1/checkins/day", new { day = "friday" }, HttpStatusCode.OK),
        ["POST /api/v1/checkins/{week}/conversation-done"] = ("POST", $"/api/v1/checkins/{victimWeek:yyyy-MM-dd}/conversation-done", null, HttpStatusCode.Conflict),
        ["GET /api/v1/checkins"] = ("GET", "/api/v1/checkins", null, HttpStatusCode.OK),
        ["GET /api/v1/insights/trends"] = ("GET", "/api/v1/insights/trends", null, HttpStatusCode.OK),
        ["GET /api/v1/insights/notices"] = ("GET", "/api/v1/insights/notices", null, HttpStatusCode.OK),
        ["POST /api/v1/insights/notices/{id}/dismiss"] = ("POST", $"/api/v1/insights/notices/{victimNotice}/dismiss", null, HttpStatusCode.NotFound),
        ["GET /api/v1/insights/counsellor-consent"] = ("GET", "/api/v1/insights/counsellor-consent", null, HttpStatusCode.OK),
        ["PUT /api/v1/insights/counsellor-consent"] = ("PUT", "/api/v1/insights/counsellor-consent", new { consent = true }, HttpStatusCode.OK),
        ["GET /api/v1/insights/counsellor-summary"] = ("GET", "/api/v1/insights/counsellor-summary", null, HttpStatusCode.Forbidden),
        // The coach keeps nothing and reads no couple's data: the intruder only gets their own text analysed.
        ["POST /api/v1/coach/gentle"] = ("POST", "/api/v1/coach/gentle", new { text = "You never listen." }, HttpStatusCode.OK),
        ["GET /api/v1/apologies"] = ("GET", "/api/v1/apologies", null, HttpStatusCode.OK),
        ["POST /api/v1/apologies"] = ("POST", "/api/v1/apologies", new { whatHappened = "a", myPart = "b", impact = "c", nextTime = "d" }, HttpStatusCode.Created),
        ["GET /api/v1/apologies/{id:guid}"] = ("GET", $"/api/v1/apologies/{apologyId}", null, HttpStatusCode.NotFound),
        ["POST /api/v1/apologies/{id:guid}/answer"] = ("POST", $"/api/v1/apologies/{apologyId}/answer", new { answer = "forgive" }, HttpStatusCode.NotFound),
        ["DELETE /api/v1/apologies/{id:guid}"] = ("DELETE", $"/api/v1/apologies/{apologyId}", null, HttpStatusCode.NotFound),
        // The intruder's own couple has no session: starting one is theirs; the victim's session id is not found.
        ["GET /api/v1/listening/current"] = ("GET", "/api/v1/listening/current", null, HttpStatusCode.OK),
        ["POST /api/v1/listening/{id:guid}/turn/end"] = ("POST", $"/api/v1/listening/{listeningId}/turn/end", null, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/reflect"] = ("POST", $"/api/v1/listening/{listeningId}/reflect", new { text = "heard" }, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/rate"] = ("POST", $"/api/v1/listening/{listeningId}/rate", new { rating = 1 }, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/clarify"] = ("POST", $"/api/v1/listening/{listeningId}/clarify", null, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/swap"] = ("POST", $"/api/v1/listening/{listeningId}/swap", null, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/pause"] = ("POST", $"/api/v1/listening/{listeningId}/pause", null, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/resume"] = ("POST", $"/api/v1/listening/{listeningId}/resume", null, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/appreciate"] = ("POST", $"/api/v1/listening/{listeningId}/appreciate", new { text = "x" }, HttpStatusCode.NotFound),
        ["POST /api/v1/listening/{id:guid}/end"] = ("POST", $"/api/v1/listening/{listeningId}/end", null, HttpStatusCode.NotFound),
        ["POST /api/v1/listening"] = ("POST", "/api/v1/listening", new { mode = "one-phone", firstSpeaker = "me" }, HttpStatusCode.Created),
        ["GET /api/v1/journal/feelings"] = ("GET", "/api/v1/journal/feelings", null, HttpStatusCode.OK),
        ["GET /api/v1/journal"] = ("GET", "/api/v1/journal?query=CANARY", null, HttpStatusCode.OK),
        ["POST /api/v1/journal"] = ("POST", "/api/v1/journal", new { text = "intruder's entry", feelings = new List<string> { "calm" }, intensity = 2 }, HttpStatusCode.Created),
        ["GET /api/v1/journal/{id:guid}"] = ("GET", $"/api/v1/journal/{journalId}", null, HttpStatusCode.NotFound),
        ["PUT /api/v1/journal/{id:guid}"] = ("PUT", $"/api/v1/journal/{journalId}", new { text = "overwritten", feelings = new List<string> { "calm" }, intensity = 2 }, HttpStatusCode.NotFound),
        ["POST /api/v1/journal/{id:guid}/share"] = ("POST", $"/api/v1/journal/{journalId}/share", null, HttpStatusCode.NotFound),
        ["DELETE /api/v1/journal/{id:guid}/share"] = ("DELETE", $"/api/v1/journal/{journalId}/share", null, HttpStatusCode.NotFound),
        ["DELETE /api/v1/journal/{id:guid}"] = ("DELETE", $"/api/v1/journal/{journalId}", null, HttpStatusCode.NotFound),
        ["GET /api/v1/journal/shared"] = ("GET", "/api/v1/journal/shared", null, HttpStatusCode.OK),
        // The calendar link is the caller's own: the intruder reads, makes and ends only theirs (the victim's feed is checked in CalendarApiTests).
        ["GET /api/v1/calendar"] = ("GET", "/api/v1/calendar", null, HttpStatusCode.OK),
        ["POST /api/v1/calendar/regenerate"] = ("POST", "/api/v1/calendar/regenerate", null, HttpStatusCode.OK),
        ["DELETE /api/v1/calendar"] = ("DELETE", "/api/v1/calendar", null, HttpStatusCode.NoContent),
        ["GET /api/v1/letters"] = ("GET", "/api/v1/letters", null, HttpStatusCode.OK),
        ["POST /api/v1/letters"] = ("POST", "/api/v1/letters", new { text = "intruder's letter" }, HttpStatusCode.Created),
        ["GET /api/v1/letters/{id:guid}"] = ("GET", $"/api/v1/letters/{letterId}", null, HttpStatusCode.NotFound),
        ["POST /api/v1/letters/{id:guid}/open"] = ("POST", $"/api/v1/letters/{letterId}/open", null, HttpStatusCode.NotFound),
        // Starting is the intruder's own couple's; the victim's gazing and evening are not found.
        ["POST /api/v1/exercises/gazing"] = ("POST", "/api/v1/exercises/gazing", new { minutes = 2 }, HttpStatusCode.Created),
        ["GET /api/v1/exercises/gazing/{id:guid}"] = ("GET", $"/api/v1/exercises/gazing/{exercises.Gazing}", null, HttpStatusCode.NotFound),
        ["POST /api/v1/exercises/gazing/{id:guid}/reflection"] = ("POST", $"/api/v1/exercises/gazing/{exercises.Gazing}/reflection", new { text = "intruder's line" }, HttpStatusCode.NotFound),
        ["POST /api/v1/exercises/evening"] = ("POST", "/api/v1/exercises/evening", new { set = 1 }, HttpStatusCode.Created),
        ["GET /api/v1/exercises/evening/{id:guid}"] = ("GET", $"/api/v1/exercises/evening/{exercises.Evening}", null, HttpStatusCode.NotFound),
        ["POST /api/v1/exercises/evening/{id:guid}/next"] = ("POST", $"/api/v1/exercises/evening/{exercises.Evening}/next", null, HttpStatusCode.NotFound),
        ["POST /api/v1/exercises/evening/{id:guid}/previous"] = ("POST", $"/api/v1/exercises/evening/{exercises.Evening}/previous", null, HttpStatusCode.NotFound),
        ["POST /api/v1/exercises/evening/{id:guid}/finish"] = ("POST", $"/api/v1/exercises/evening/{exercises.Evening}/finish", null, HttpStatusCode.NotFound),
        // Desires take no ids: the intruder only ever reaches their own couple's switch and their own marks.
        ["GET /api/v1/desires"] = ("GET", "/api/v1/desires", null, HttpStatusCode.OK),
        ["PUT /api/v1/desires/{item}"] = ("PUT", "/api/v1/desires/hold-hands", new { mark = "yes" }, HttpStatusCode.Conflict),
        ["PUT /api/v1/desires/enabled"] = ("PUT", "/api/v1/desires/enabled", new { enabled = true }, HttpStatusCode.OK),
        ["POST /api/v1/desires/adult"] = ("POST", "/api/v1/desires/adult", new { confirm = true }, HttpStatusCode.OK),
        ["DELETE /api/v1/desires/{item}"] = ("DELETE", "/api/v1/desires/hold-hands", null, HttpStatusCode.OK),
        ["POST /api/v1/quiz/rounds"] = ("POST", "/api/v1/quiz/rounds", new { subject = "me" }, HttpStatusCode.Created),
        ["GET /api/v1/quiz/rounds"] = ("GET", "/api/v1/quiz/rounds", null, HttpStatusCode.OK),
        ["GET /api/v1/quiz/rounds/{id:guid}"] = ("GET", $"/api/v1/quiz/rounds/{quiz.Id}", null, HttpStatusCode.NotFound),
        ["PUT /api/v1/quiz/rounds/{id:guid}/mine"] = ("PUT", $"/api/v1/quiz/rounds/{quiz.Id}/mine", new { items = quiz.Items.Select(i => new { questionId = i.QuestionId, text = "intruder's guess" }) }, HttpStatusCode.NotFound),
        ["PUT /api/v1/quiz/rounds/{id:guid}/marks"] = ("PUT", $"/api/v1/quiz/rounds/{quiz.Id}/marks", new { marks = new[] { new { questionId = quiz.Items[0].QuestionId, mark = "right" } } }, HttpStatusCode.NotFound),
        ["GET /api/v1/personal/goals"] = ("GET", "/api/v1/personal/goals", null, HttpStatusCode.OK),
        ["POST /api/v1/personal/goals"] = ("POST", "/api/v1/personal/goals", new { title = "intruder's goal", kind = "goal" }, HttpStatusCode.Created),
        ["PUT /api/v1/personal/goals/{id:guid}"] = ("PUT", $"/api/v1/personal/goals/{goalId}", new { title = "overwritten", kind = "goal" }, HttpStatusCode.NotFound),
        ["POST /api/v1/personal/goals/{id:guid}/log"] = ("POST", $"/api/v1/personal/goals/{goalId}/log", new { minutes = 10 }, HttpStatusCode.NotFound),
        ["POST /api/v1/personal/goals/{id:guid}/share"] = ("POST", $"/api/v1/personal/goals/{goalId}/share", null, HttpStatusCode.NotFound),
        ["DELETE /api/v1/personal/goals/{id:guid}/share"] = ("DELETE", $"/api/v1/personal/goals/{goalId}/share", null, HttpStatusCode.NotFound),
        ["DELETE /api/v1/personal/goals/{id:guid}"] = ("DELETE", $"/api/v1/personal/goals/{goalId}", null, HttpStatusCode.NotFound),
        ["GET /api/v1/personal/balance"] = ("GET", "/api/v1/personal/balance", null, HttpStatusCode.OK),
        ["GET /api/v1/personal/partner"] = ("GET", "/api/v1/personal/partner", null, HttpStatusCode.OK),
        ["GET /api/v1/me/sessions"] = ("GET", "/api/v1/me/sessions", null, HttpStatusCode.OK),
        ["DELETE /api/v1/me/sessions/{id:guid}"] = ("DELETE", $"/api/v1/me/sessions/{victimSession}", null, HttpStatusCode.NotFound),
        ["GET /api/v1/me/security-events"] = ("GET", "/api/v1/me/security-events", null, HttpStatusCode.OK),
        ["GET /api/v1/me/passkeys"] = ("GET", "/api/v1/me/passkeys", null, HttpStatusCode.OK),
        ["POST /api/v1/me/passkeys/options"] = ("POST", "/api/v1/me/passkeys/options", null, HttpStatusCode.OK),
        ["POST /api/v1/me/passkeys"] = ("POST", "/api/v1/me/passkeys", new { credential = "{}" }, HttpStatusCode.BadRequest),
        ["DELETE /api/v1/me/passkeys/{id}"] = ("DELETE", "/api/v1/me/passkeys/AAAAAAAAAAAAAAAAAAAAAA", null, HttpStatusCode.NotFound),
        ["GET /api/v1/me/two-step"] = ("GET", "/api/v1/me/two-step", null, HttpStatusCode.OK),
        ["POST /api/v1/me/two-step/setup"] = ("POST", "/api/v1/me/two-step/setup", null, HttpStatusCode.OK),
        // Test accounts share one password, so this is the intruder's own export: it must hold none of the victim's words.
        ["POST /api/v1/me/export"] = ("POST", "/api/v1/me/export", new { password = victim.Password }, HttpStatusCode.OK),
        // Wrong passwords from here on: each of these is refused, and the victim's account is untouched.
        ["POST /api/v1/me/password"] = ("POST", "/api/v1/me/password", new { currentPassword = "not the password", newPassword = "intruder's new password" }, HttpStatusCode.BadRequest),
        ["POST /api/v1/me/two-step/enable"] = ("POST", "/api/v1/me/two-step/enable", new { code = "123456", password = "not the password" }, HttpStatusCode.BadRequest),
        ["POST /api/v1/me/two-step/disable"] = ("POST", "/api/v1/me/two-step/disable", new { password = "not the password" }, HttpStatusCode.BadRequest),
        ["POST /api/v1/me/two-step/recovery-codes"] = ("POST", "/api/v1/me/two-step/recovery-codes", new { password = "not the password" }, HttpStatusCode.BadRequest),
        ["DELETE /api/v1/me/sessions"] = ("DELETE", "/api/v1/me/sessions", null, HttpStatusCode.OK),
        ["POST /api/v1/me/delete"] = ("POST", "/api/v1/me/delete", new { password = "not the password" }, HttpStatusCode.BadRequest),
        ["POST /api/v1/couple/leave"] = ("POST", "/api/v1/couple/leave", null, HttpStatusCode.NoContent),
    };

    /// <summary>The victim's appreciation, good news (answered), support preferences and open hard day (answered), each with the canary.</summary>
    private static async Task<Keepsakes> KeepsakesAsync((TestUser Inviter, TestUser Partner) victim, string canary)
    {
        var appreciation = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = canary + " appreciation" })).ReadAsync<AppreciationDto>();
        var news = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/good-news", new { text = canary + " news" })).ReadAsync<GoodNewsDto>();
        await victim.Partner.Api.PostAsJsonAsync($"/api/v1/good-news/{news.Id}/reply", new { text = canary + " news reply" });
        await victim.Inviter.Api.PutAsJsonAsync("/api/v1/me/support-preferences", new { ways = new List<string> { "listen" }, whatHelps = canary + " helps" });
        var hardDay = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 2, note = canary + " note" })).ReadAsync<MySignalDto>();
        await victim.Partner.Api.PostAsJsonAsync($"/api/v1/support-requests/{hardDay.Id}/responses", new { kind = "message", text = canary + " response" });
        var ritual = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/rituals", new { title = canary + " ritual", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 })).ReadAsync<RitualDto>();
        var session = await (await victim.Partner.Api.PostAsync($"/api/v1/rituals/{ritual.Id}/start", null)).ReadAsync<RitualSessionDto>();
        var plan = await (await victim.Inviter.Api.PostAsJsonAsync("/api/v1/activities/list", new { title = canary + " idea" })).ReadAsync<PlanDto>();
        await victim.Partner.Api.PutAsJsonAsync($"/api/v1/activities/list/{plan.Id}/plan", new { date = "2027-06-01" });
        var done = await (await victim.Partner.Api.PostAsJsonAsync("/api/v1/activities/list", new { activity = "stargazing" })).ReadAsync<PlanDto>();
        await victim.Inviter.Api.PostAsJsonAsync($"/api/v1/activities/list/{done.Id}/done", new { memory = canary + " memory" });
        return new Keepsakes(appreciation.Id, news.Id, hardDay.Id, ritual.Id, session.Id, plan.Id);
    }

    private sealed record Keepsakes(Guid Appreciation, Guid GoodNews, Guid HardDay, Guid Ritual, Guid RitualSession, Guid Plan);

    private static async Task<string> SnapshotAsync(TestUser user)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/api/v1/me", "/api/v1/couple", "/api/v1/today", "/api/v1/questions/history", "/api/v1/questions/custom", "/api/v1/me/sessions", "/api/v1/me/two-step",
            "/api/v1/appreciations", "/api/v1/good-news", "/api/v1/me/support-preferences", "/api/v1/support-requests/active",
            "/api/v1/checkins/current", "/api/v1/checkins", "/api/v1/insights/trends", "/api/v1/insights/notices", "/api/v1/apologies",
            "/api/v1/journal", "/api/v1/journal/shared", "/api/v1/letters", "/api/v1/listening/current", "/api/v1/rituals",
            "/api/v1/activities", "/api/v1/activities/list", "/api/v1/activities/memories", "/api/v1/desires",
            "/api/v1/quiz/rounds", "/api/v1/personal/goals", "/api/v1/personal/balance", "/api/v1/reminders" })
        {
            parts.Add(await user.Api.GetStringAsync(path));
        }

        return string.Join('\n', parts);
    }
}

internal sealed record ApologyRef(Guid Id);

public sealed class SqliteIsolationMatrixTests(AttuneApp app, ITestOutputHelper output) : IsolationMatrixTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresIsolationMatrixTests(PostgresAttuneApp app, ITestOutputHelper output) : IsolationMatrixTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
