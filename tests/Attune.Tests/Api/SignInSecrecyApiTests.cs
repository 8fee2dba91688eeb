using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// Sign-in never tells a stranger whether an account exists: an unknown e-mail, a wrong password and a
/// locked account get the same answer in about the same time. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract partial class SignInSecrecyApiTests(AttuneApp app)
{
    [Fact]
    public async Task An_unknown_e_mail_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        var user = await app.RegisterAsync();
        var locked = await app.RegisterAsync();
        await app.LockOutAsync(locked.Email);

        var unknown = await AnswerAsync(await app.TrySignInAsync($"{Guid.NewGuid():N}@example.test", "some password or other"));
        var wrong = await AnswerAsync(await app.TrySignInAsync(user.Email, "not the password"));
        var lockedWrong = await AnswerAsync(await app.TrySignInAsync(locked.Email, "not the password"));
        var lockedRight = await AnswerAsync(await app.TrySignInAsync(locked.Email, locked.Password));

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedWrong);
        Assert.Equal(unknown, lockedRight);
        Assert.StartsWith("401 ", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_e_mail_or_a_locked_account_takes_about_as_long_as_a_wrong_password()
    {
        // Four wrong passwords per account stay below the lockout; a third account is locked on purpose.
        // Another app in this process, hashing at the tests' cost, answers an unknown address first: the hash of
        // nobody's password that this app checks must be its own, at its own cost (it once was one per process).
        var cheap = new AttuneApp();
        await ((IAsyncLifetime)cheap).InitializeAsync();
        try
        {
            await cheap.TrySignInAsync($"{Guid.NewGuid():N}@example.test", "warming up");
        }
        finally
        {
            await ((IAsyncLifetime)cheap).DisposeAsync();
        }

        var known = new[] { await app.RegisterAsync(), await app.RegisterAsync() };
        var locked = await app.RegisterAsync();
        await app.LockOutAsync(locked.Email);
        await app.TrySignInAsync($"{Guid.NewGuid():N}@example.test", "warming up");
        var (unknownTimes, knownTimes, lockedTimes) = (new List<double>(), new List<double>(), new List<double>());

        // Interleaved, so load from anything else running slows all three alike.
        for (var i = 0; i < 8; i++)
        {
            unknownTimes.Add(await TimeAsync($"{Guid.NewGuid():N}@example.test"));
            knownTimes.Add(await TimeAsync(known[i % 2].Email));
            lockedTimes.Add(await TimeAsync(locked.Email));
        }

        var (unknown, wrong, lockedOut) = (Median(unknownTimes), Median(knownTimes), Median(lockedTimes));
        var report = $"medians: unknown {unknown:F1} ms, wrong password {wrong:F1} ms, locked {lockedOut:F1} ms";
        Assert.True(unknown / wrong is > 0.5 and < 2.0, report);
        Assert.True(lockedOut / wrong is > 0.5 and < 2.0, report);
    }

    [Fact]
    public async Task The_sign_in_page_says_the_same_to_everyone_and_when_to_try_again()
    {
        var user = await app.RegisterAsync();
        var locked = await app.RegisterAsync();
        await app.LockOutAsync(locked.Email);

        var unknown = await PageMessageAsync($"{Guid.NewGuid():N}@example.test", "some password or other");
        var wrong = await PageMessageAsync(user.Email, "not the password");
        var lockedRight = await PageMessageAsync(locked.Email, locked.Password);

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedRight);
        Assert.Contains("15 minutes", unknown, StringComparison.Ordinal);
    }

    private async Task<double> TimeAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await app.TrySignInAsync(email, "not the password");
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Status and ProblemDetails without the per-request trace id.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body.ToJsonString()}";
    }

    private async Task<string> PageMessageAsync(string email, string password)
    {
        using var browser = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        var response = await browser.PostFormAsync("/signin", "/signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = ErrorAlert().Match(await response.Content.ReadAsStringAsync());
        Assert.True(alert.Success, "the page shows no error");
        return alert.Groups[1].Value.Trim();
    }

    [GeneratedRegex("<div class=\"alert alert-error\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorAlert();
}

public sealed class SqliteSignInSecrecyApiTests(HashingAsInProduction app) : SignInSecrecyApiTests(app), IClassFixture<HashingAsInProduction>;

public sealed class PostgresSignInSecrecyApiTests(PostgresHashingAsInProduction app) : SignInSecrecyApiTests(app), IClassFixture<PostgresHashingAsInProduction>;
