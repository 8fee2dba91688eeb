using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

public sealed class StrictRateLimitApp()
    : AttuneApp(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["RateLimits:AuthPermitLimit"] = "3" });

/// <summary>Sign-in, registration and joining are limited per address; reading is not.</summary>
public sealed class RateLimitTests(StrictRateLimitApp app, ITestOutputHelper output) : IClassFixture<StrictRateLimitApp>
{
    private readonly StrictRateLimitApp app = app.LogsTo(output);

    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_gets_429_with_a_problem_and_retry_after()
    {
        using var client = app.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "wrong password" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        // Reading pages is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
    }
}
