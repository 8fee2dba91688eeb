using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// The speaker–listener session: only the speaker ends a turn and rates, only the listener reflects (two devices);
/// either partner acts on one shared phone; out-of-order steps are 409; the break lasts 20 minutes; and the
/// state's version grows when the other partner acts, which is what the second device polls for.
/// </summary>
public abstract class ListeningApiTests(AttuneApp app)
{
    internal sealed record AppreciationDto(string Name, string Text);

    internal sealed record ViewDto(
        Guid Id, string Mode, string Phase, int Version, int Turn, string SpeakerName, string ListenerName, bool IAmSpeaker,
        int TurnSeconds, int TurnSecondsLeft, bool Paused, int PauseSecondsLeft, string? Reflection, int? LastRating,
        bool BothSpoke, bool CanEndTurn, bool CanReflect, bool CanRate, bool CanSwap, bool CanAppreciate, bool CanResume,
        string? NextAppreciator, List<AppreciationDto> Appreciations, List<int> Ratings);

    internal sealed record CurrentDto(Guid? Id, int Version, ViewDto? Session);

    private static async Task<HttpStatusCode> Post(TestUser user, string path, object? body = null) =>
        (await user.Api.PostAsJsonAsync(path, body ?? new { })).StatusCode;

    private static async Task<CurrentDto> Current(TestUser user) => (await user.Api.GetFromJsonAsync<CurrentDto>("/api/v1/listening/current"))!;

    [Fact]
    public async Task Two_devices_follow_the_turn_rules_and_the_partner_sees_each_change()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        Assert.Null((await Current(ben)).Id);
        var started = await (await ana.Api.PostAsJsonAsync("/api/v1/listening", new { mode = "two-devices", firstSpeaker = "me" })).ReadAsync<ViewDto>();
        Assert.Equal("speaking", started.Phase);
        Assert.Equal(120, started.TurnSeconds);
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, "/api/v1/listening", new { mode = "one-phone", firstSpeaker = "me" }));
        var u = $"/api/v1/listening/{started.Id}";

        var seenByBen = await Current(ben);
        Assert.Equal(started.Id, seenByBen.Id);
        Assert.False(seenByBen.Session!.IAmSpeaker || seenByBen.Session.CanEndTurn);

        // Only the speaker's device ends the turn; nothing out of order.
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/rate", new { rating = 5 }));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, u + "/reflect", new { text = "too early" }));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/turn/end"));
        var afterEnd = await Current(ben);
        Assert.True(afterEnd.Version > seenByBen.Version);
        Assert.True(afterEnd.Session!.CanReflect);

        // Only the listener reflects, and on two phones the reflection is needed.
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/reflect", new { text = "I heard myself" }));
        var empty = await ben.Api.PostAsJsonAsync(u + "/reflect", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(ben, u + "/reflect", new { text = new string('a', 1001) }));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/reflect", new { text = "You felt alone on Sunday." }));
        var forAna = await Current(ana);
        Assert.Equal("You felt alone on Sunday.", forAna.Session!.Reflection);
        Assert.True(forAna.Version > afterEnd.Version);

        // Only the speaker rates, 1 to 5.
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, u + "/rate", new { rating = 5 }));
        foreach (var bad in new object[] { new { rating = 0 }, new { rating = 6 }, new { } })
        {
            var response = await ana.Api.PostAsJsonAsync(u + "/rate", bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rating", out _));
        }

        // Instead of rating, the speaker may clarify: the floor goes back to them and the listener reflects again.
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, u + "/clarify"));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/clarify"));
        Assert.Equal("speaking", (await Current(ben)).Session!.Phase);
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/clarify"));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/reflect", new { text = "You felt alone on Sunday, and on Monday too." }));
        Assert.Equal("You felt alone on Sunday, and on Monday too.", (await Current(ana)).Session!.Reflection);

        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/rate", new { rating = 4 }));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/appreciate", new { text = "too soon, only I spoke" }));

        // Swap: now Ben speaks.
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/swap"));
        Assert.True((await Current(ben)).Session!.IAmSpeaker);
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/reflect", new { text = "Work has been heavy." }));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/rate", new { rating = 5 }));

        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/appreciate", new { text = "You let me finish." }));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/appreciate", new { text = "twice" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(ben, u + "/appreciate", new { text = "" }));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/appreciate", new { text = "Your patience." }));
        var ended = (await Current(ana)).Session!;
        Assert.Equal("ended", ended.Phase);
        Assert.Equal(["You let me finish.", "Your patience."], ended.Appreciations.Select(a => a.Text));
        Assert.Equal([4, 5], ended.Ratings);
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, u + "/swap"));
        Assert.Equal(HttpStatusCode.Created, await Post(ben, "/api/v1/listening", new { mode = "one-phone", firstSpeaker = "partner" }));
    }

    [Fact]
    public async Task On_one_phone_either_partner_may_take_every_step_and_the_reflection_is_optional()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var started = await (await ana.Api.PostAsJsonAsync("/api/v1/listening", new { mode = "one-phone", firstSpeaker = "partner" })).ReadAsync<ViewDto>();
        Assert.Equal(ben.DisplayName, started.SpeakerName);
        var u = $"/api/v1/listening/{started.Id}";
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/reflect", new { text = "" }));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/rate", new { rating = 3 }));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/swap"));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/reflect", new { text = "x" }));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/rate", new { rating = 2 }));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/appreciate", new { text = "first" }));
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/appreciate", new { text = "second" }));
        var ended = (await Current(ben)).Session!;
        Assert.Equal("ended", ended.Phase);
        Assert.Equal(ben.DisplayName, ended.Appreciations[0].Name);
    }

    [Fact]
    public async Task Bad_start_input_is_a_field_error()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        var response = await ana.Api.PostAsJsonAsync("/api/v1/listening", new { mode = "three-phones", firstSpeaker = "nobody" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("mode", out _) && errors.TryGetProperty("firstSpeaker", out _));
        Assert.Equal(HttpStatusCode.NotFound, await Post(ana, $"/api/v1/listening/{Guid.NewGuid()}/pause"));
    }

    [Fact]
    public async Task Either_partner_calls_a_twenty_minute_break_and_both_come_back_after_it()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var started = await (await ana.Api.PostAsJsonAsync("/api/v1/listening", new { mode = "two-devices", firstSpeaker = "me" })).ReadAsync<ViewDto>();
        var u = $"/api/v1/listening/{started.Id}";
        Assert.Equal(HttpStatusCode.Conflict, await Post(ben, u + "/resume"));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/pause"));
        var paused = (await Current(ana)).Session!;
        Assert.True(paused.Paused && !paused.CanResume && !paused.CanEndTurn);
        Assert.Equal(20 * 60, paused.PauseSecondsLeft);
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/pause"));

        app.Time.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/resume"));
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Current(ben)).Session!.CanResume);
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/resume"));
        var back = (await Current(ben)).Session!;
        Assert.False(back.Paused);
        Assert.Equal(120, back.TurnSecondsLeft);
        Assert.Equal(HttpStatusCode.OK, await Post(ana, u + "/turn/end"));
        Assert.Equal(HttpStatusCode.OK, await Post(ben, u + "/end"));
        Assert.Equal(HttpStatusCode.Conflict, await Post(ana, u + "/end"));
    }
}

public sealed class SqliteListeningApiTests(AttuneApp app, ITestOutputHelper output) : ListeningApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresListeningApiTests(PostgresAttuneApp app, ITestOutputHelper output) : ListeningApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
