using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attune.Features.Mail;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

/// <summary>
/// Registration does not tell whether an address has an account (ADR 0006): a new and a known address get the same
/// answer; the new one gets a link to confirm, the known one's owner a note (at most once an hour), and an account is
/// usable only once confirmed. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract partial class RegistrationApiTests(AttuneApp app)
{
    private const string Attempted = "the stranger's attempted passphrase";

    [Fact]
    public async Task A_new_and_a_known_address_get_the_same_answer_from_the_api_and_the_page()
    {
        var owner = await app.RegisterAsync();
        var fresh = $"{Guid.NewGuid():N}@example.test";

        var known = await AnswerAsync(await RegisterAsync(owner.Email, Attempted));
        var unknown = await AnswerAsync(await RegisterAsync(fresh, Attempted));
        Assert.Equal(unknown, known);
        Assert.StartsWith("202 application/json {\"status\":\"check-your-mail\"}", unknown, StringComparison.Ordinal);

        var knownPage = await PageAsync(owner.Email, Attempted);
        var newPage = await PageAsync($"{Guid.NewGuid():N}@example.test", Attempted);
        Assert.Equal(newPage, knownPage);
        Assert.Contains("Check your mail", newPage, StringComparison.Ordinal);

        // Field errors come first and do not depend on the address.
        var weakKnown = await AnswerAsync(await RegisterAsync(owner.Email, "short"));
        var weakNew = await AnswerAsync(await RegisterAsync($"{Guid.NewGuid():N}@example.test", "short"));
        Assert.Equal(weakNew, weakKnown);
        Assert.StartsWith("400 ", weakNew, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_address_takes_about_as_long_as_a_new_one()
    {
        var owners = new[] { await app.RegisterAsync(), await app.RegisterAsync() };
        await RegisterAsync($"{Guid.NewGuid():N}@example.test", Attempted); // warming up
        var (newTimes, knownTimes) = (new List<double>(), new List<double>());
        // Interleaved, so load from anything else running slows both alike.
        for (var i = 0; i < 6; i++)
        {
            newTimes.Add(await TimeAsync($"{Guid.NewGuid():N}@example.test"));
            knownTimes.Add(await TimeAsync(owners[i % 2].Email));
        }

        var (fresh, known) = (Median(newTimes), Median(knownTimes));
        Assert.True(known / fresh is > 0.5 and < 2.0, $"medians: new {fresh:F1} ms, known {known:F1} ms");
    }

    [Fact]
    public async Task The_owner_of_a_known_address_gets_a_note_at_most_once_an_hour_and_the_account_stays_as_it_was()
    {
        var owner = await app.RegisterAsync();
        var before = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.Id));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await RegisterAsync(owner.Email, Attempted)).StatusCode);
        }

        var note = Assert.Single(await MailsAsync(owner.Email, "registration-note"));
        Assert.Equal("Someone tried to register with your address", note.Subject);
        Assert.Contains("https://attune.test/signin", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Attempted, note.Body, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromMinutes(61));
        await RegisterAsync(owner.Email, Attempted);
        Assert.Equal(2, (await MailsAsync(owner.Email, "registration-note")).Count);

        var after = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.Id));
        Assert.Equal((before.PasswordHash, before.SecurityStamp, before.ConcurrencyStamp), (after.PasswordHash, after.SecurityStamp, after.ConcurrencyStamp));
        Assert.Equal(HttpStatusCode.OK, (await app.TrySignInAsync(owner.Email, owner.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TrySignInAsync(owner.Email, Attempted)).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_signs_in_only_after_its_link_is_opened_and_the_link_works_once()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        await RegisterAsync(email, TestUsers.Password);
        var link = await app.ConfirmationLinkAsync(email) ?? throw new InvalidOperationException("no link was mailed");

        // A wrong password says what it says for any address; only the right one learns that the link is missing.
        var stranger = await AnswerAsync(await app.TrySignInAsync($"{Guid.NewGuid():N}@example.test", "not the password"));
        Assert.Equal(stranger, await AnswerAsync(await app.TrySignInAsync(email, "not the password")));
        var right = await app.TrySignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("\"detail\":\"AddressNotConfirmed\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(await SignInPageAsync($"{Guid.NewGuid():N}@example.test", "not the password"), await SignInPageAsync(email, "not the password"));
        Assert.Contains("confirm your e-mail address first", await SignInPageAsync(email, TestUsers.Password), StringComparison.Ordinal);

        using var browser = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        Assert.Contains("Confirm and sign in", await (await browser.GetAsync(link.Path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await browser.PostFormAsync(link.Path, link.Path, new());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.TrySignInAsync(email, TestUsers.Password)).StatusCode);

        // Used once: the same link now confirms nothing and signs nobody in.
        using var second = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        var again = await (await second.GetAsync(link.Path)).Content.ReadAsStringAsync();
        Assert.Contains("This link does not work any more", again, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(link.UserId, link.Token)).StatusCode);
        Assert.DoesNotContain(link.Token, app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_altered_link_fails_kindly_and_a_new_one_is_sent_in_the_language_of_the_registration()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        using (var german = app.CreateHttpClient())
        {
            german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
            await german.PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestUsers.Password });
        }

        Assert.Equal("Bestätige deine Adresse für Attune", Assert.Single(await MailsAsync(email, "confirm-address")).Subject);
        var expired = await app.ConfirmationLinkAsync(email) ?? throw new InvalidOperationException("no link was mailed");
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(expired.UserId, expired.Token[..^2] + "xx")).StatusCode);
        app.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        var refused = await ConfirmAsync(expired.UserId, expired.Token);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("works once, for 2 days", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = app.CreateHttpClient();
        var page = await (await anonymous.GetAsync(expired.Path)).Content.ReadAsStringAsync();
        Assert.Contains("This link does not work any more", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/confirm/again\"", page, StringComparison.Ordinal);

        // Asking again answers the same for a waiting, a confirmed and an unknown address.
        var confirmedOwner = await app.RegisterAsync();
        var waiting = await AnswerAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/confirm/again", new { email }));
        Assert.Equal(waiting, await AnswerAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/confirm/again", new { email = confirmedOwner.Email })));
        Assert.Equal(waiting, await AnswerAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/confirm/again", new { email = $"{Guid.NewGuid():N}@example.test" })));
        Assert.StartsWith("202 ", waiting, StringComparison.Ordinal);
        Assert.Single(await MailsAsync(confirmedOwner.Email, "confirm-address")); // only the one it was confirmed with

        var fresh = await app.ConfirmationLinkAsync(email) ?? throw new InvalidOperationException("no new link");
        Assert.NotEqual(expired.Token, fresh.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(fresh.UserId, fresh.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.TrySignInAsync(email, TestUsers.Password)).StatusCode);
    }

    private async Task<HttpResponseMessage> RegisterAsync(string email, string password)
    {
        using var anonymous = app.CreateHttpClient();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
    }

    private async Task<double> TimeAsync(string email)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await RegisterAsync(email, Attempted);
        watch.Stop();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private async Task<HttpResponseMessage> ConfirmAsync(Guid userId, string token)
    {
        using var anonymous = app.CreateHttpClient();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/confirm", new { userId, token });
    }

    /// <summary>The mails of one kind the outbox holds for an address.</summary>
    private Task<List<OutgoingMail>> MailsAsync(string email, string purpose) =>
        app.WithDbAsync(db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.To == email && m.Purpose == purpose).ToListAsync());

    /// <summary>Status, headers and body, without what differs on every request (date, trace id).</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (JsonNode.Parse(text) is JsonObject body)
        {
            body.Remove("traceId");
            text = body.ToJsonString();
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not "Date")
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order();
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {text}\n{string.Join('\n', headers)}";
    }

    /// <summary>The registration page's answer, with the address it echoes and the per-request tokens taken out.</summary>
    private async Task<string> PageAsync(string email, string password)
    {
        using var browser = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        var response = await browser.PostFormAsync("/register", "/register", new()
        {
            ["Input.DisplayName"] = "Robin", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.TimeZone"] = "Europe/Berlin",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return MainElement().Match(html).Value.Replace(email, "ADDRESS", StringComparison.Ordinal);
    }

    private async Task<string> SignInPageAsync(string email, string password)
    {
        using var browser = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        var response = await browser.PostFormAsync("/signin", "/signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var alert = ErrorAlert().Match(await response.Content.ReadAsStringAsync());
        Assert.True(alert.Success, "the page shows no error");
        return alert.Groups[1].Value.Trim();
    }

    [GeneratedRegex("<main.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex("<div class=\"alert alert-error\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorAlert();
}

public sealed class SqliteRegistrationApiTests(HashingAsInProduction app, ITestOutputHelper output) : RegistrationApiTests(app.LogsTo(output)), IClassFixture<HashingAsInProduction>;

public sealed class PostgresRegistrationApiTests(PostgresHashingAsInProduction app, ITestOutputHelper output) : RegistrationApiTests(app.LogsTo(output)), IClassFixture<PostgresHashingAsInProduction>;
