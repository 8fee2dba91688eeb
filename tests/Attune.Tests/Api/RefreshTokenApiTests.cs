using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>Refresh tokens rotate: each works once, and a spent one coming back ends its session. Runs on SQLite and PostgreSQL.</summary>
public abstract class RefreshTokenApiTests(AttuneApp app)
{
    [Fact]
    public async Task Each_refresh_token_works_once_and_a_spent_one_coming_back_ends_the_session()
    {
        var user = await app.RegisterAsync();
        using var anonymous = app.CreateHttpClient();
        var signedIn = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<TokenResponse>();

        var first = await RefreshAsync(signedIn.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await RefreshAsync((await first.ReadAsync<TokenResponse>()).RefreshToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var latest = await second.ReadAsync<TokenResponse>();
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(latest.AccessToken)).StatusCode);

        // The first token again, as a thief who copied it would send it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(signedIn.RefreshToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(latest.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(latest.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync("/api/v1/me")).StatusCode);
        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        Assert.Contains("refresh-token-reused", kinds);
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = app.CreateHttpClient();
        return await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
    }

    private async Task<HttpResponseMessage> BearerAsync(string accessToken)
    {
        using var client = app.CreateHttpClient(handleCookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return await client.GetAsync("/api/v1/me");
    }
}

public sealed class SqliteRefreshTokenApiTests(AttuneApp app) : RefreshTokenApiTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresRefreshTokenApiTests(PostgresAttuneApp app) : RefreshTokenApiTests(app), IClassFixture<PostgresAttuneApp>;
