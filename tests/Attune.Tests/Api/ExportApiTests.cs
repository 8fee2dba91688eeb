using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>Export: everything I wrote, never my partner's words; runs on SQLite and PostgreSQL.</summary>
public abstract class ExportApiTests(AttuneApp app)
{
    [Fact]
    public async Task The_export_holds_my_answers_replies_and_questions_and_none_of_my_partners_words()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var mine = "MINE-" + Guid.NewGuid().ToString("N");
        var theirs = "THEIRS-" + Guid.NewGuid().ToString("N");
        // Fix today's question first: a custom question the partner wrote may be asked, and a question I
        // answered belongs in my export even when my partner wrote it.
        await couple.Inviter.TodayAsync();
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = mine + " question?", category = "values", depth = 2 });
        await couple.Partner.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = theirs + " question?", category = "fun", depth = 1 });
        var day = await couple.BothAnswerAsync(mine + " answer", theirs + " answer");
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "tell-me-more", text = mine + " reply" });
        await couple.Partner.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "heart", text = theirs + " reply" });

        var response = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Inviter.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(couple.Inviter.Email, root.GetProperty("account").GetProperty("email").GetString());
        var answer = Assert.Single(root.GetProperty("answers").EnumerateArray());
        Assert.Equal(mine + " answer", answer.GetProperty("text").GetString());
        Assert.Equal(day.Question.Text, answer.GetProperty("questionText").GetString());
        Assert.Equal(mine + " reply", Assert.Single(root.GetProperty("reactions").EnumerateArray()).GetProperty("reply").GetString());
        Assert.Equal(mine + " question?", Assert.Single(root.GetProperty("questionsIAdded").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_export_needs_the_current_password()
    {
        var user = await app.RegisterAsync();
        var response = await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = "not my password" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = user.Password })).StatusCode);
    }
}

public sealed class SqliteExportApiTests(AttuneApp app, ITestOutputHelper output) : ExportApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresExportApiTests(PostgresAttuneApp app, ITestOutputHelper output) : ExportApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
