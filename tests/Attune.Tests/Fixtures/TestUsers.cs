using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Attune.Tests.Fixtures;

public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

public sealed record MeDto(Guid Id, string Email, string DisplayName, string TimeZone, Guid? CoupleId, DateTimeOffset? CoupleEndedAt = null);

public sealed record InvitationDto(string Code, string Url, DateTimeOffset ExpiresAt);

public sealed record PartnerDto(string DisplayName);

public sealed record CoupleDto(Guid Id, DateTimeOffset Since, string TimeZone, PartnerDto Partner);

public sealed record JoinDto(Guid CoupleId, PartnerDto Partner);

public sealed record SessionDto(Guid Id, string Kind, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);

/// <summary>A registered person with an API client that carries their bearer token.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string DisplayName, HttpClient Api);

public static class TestUsers
{
    public const string Password = "a long enough passphrase";

    public static async Task<TestUser> RegisterAsync(this AttuneApp app, string? displayName = null, string timeZone = "Europe/Berlin")
    {
        var name = displayName ?? "Person " + Guid.NewGuid().ToString("N")[..6];
        var email = $"{Guid.NewGuid():N}@example.test";
        using var anonymous = app.CreateHttpClient();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());

        var api = await app.SignInAsync(email, Password);
        var updated = await api.PutAsJsonAsync("/api/v1/me", new { displayName = name, timeZone });
        Assert.True(updated.IsSuccessStatusCode, await updated.Content.ReadAsStringAsync());
        var me = (await updated.Content.ReadFromJsonAsync<MeDto>())!;
        return new TestUser(me.Id, email, Password, name, api);
    }

    public static async Task<HttpClient> SignInAsync(this AttuneApp app, string email, string password)
    {
        using var anonymous = app.CreateHttpClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        var api = app.CreateHttpClient(handleCookies: false);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return api;
    }

    /// <summary>A browser-like client signed in with the cookie, for fetching pages.</summary>
    public static async Task<HttpClient> PageClientAsync(this AttuneApp app, TestUser user)
    {
        var client = app.CreateHttpClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = user.Email, password = user.Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return client;
    }

    public static async Task<InvitationDto> InviteAsync(this TestUser user)
    {
        var response = await user.Api.PostAsync("/api/v1/couple/invitations", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InvitationDto>())!;
    }

    public static Task<HttpResponseMessage> JoinAsync(this TestUser user, string code) =>
        user.Api.PostAsJsonAsync("/api/v1/couple/join", new { code });

    /// <summary>Two people who registered, invited and joined: a couple.</summary>
    public static async Task<(TestUser Inviter, TestUser Partner)> CreatePairedCoupleAsync(this AttuneApp app)
    {
        var inviter = await app.RegisterAsync();
        var partner = await app.RegisterAsync();
        var invitation = await inviter.InviteAsync();
        var joined = await partner.JoinAsync(invitation.Code);
        Assert.Equal(System.Net.HttpStatusCode.OK, joined.StatusCode);
        return (inviter, partner);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>())!;
}
