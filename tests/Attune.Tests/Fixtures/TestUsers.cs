using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Features.Mail;
using Microsoft.EntityFrameworkCore;

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

public static partial class TestUsers
{
    public const string Password = "a long enough passphrase";

    public static async Task<TestUser> RegisterAsync(this AttuneApp app, string? displayName = null, string timeZone = "Europe/Berlin")
    {
        var name = displayName ?? "Person " + Guid.NewGuid().ToString("N")[..6];
        var email = $"{Guid.NewGuid():N}@example.test";
        using var anonymous = app.CreateHttpClient();
        // Through a loopback host, which Attune always trusts for the confirmation link: some test apps run as shipped,
        // without Attune:PublicUrl and with AllowedHosts "*", where any other host gets 421 (no link can be made).
        var registered = await anonymous.PostAsJsonAsync("https://localhost/api/v1/auth/register", new { email, password = Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        await app.ConfirmAsync(email);

        var api = await app.SignInAsync(email, Password);
        var updated = await api.PutAsJsonAsync("/api/v1/me", new { displayName = name, timeZone });
        Assert.True(updated.IsSuccessStatusCode, await updated.Content.ReadAsStringAsync());
        var me = (await updated.Content.ReadFromJsonAsync<MeDto>())!;
        return new TestUser(me.Id, email, Password, name, api);
    }

    /// <summary>The newest confirmation link the outbox holds for an address (as mailed), or null.</summary>
    public static async Task<(Guid UserId, string Token, string Path)?> ConfirmationLinkAsync(this AttuneApp app, string email)
    {
        var body = await app.WithDbAsync(db => db.Set<OutgoingMail>().AsNoTracking()
            .Where(m => m.To == email && m.Purpose == "confirm-address").OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => m.Body).FirstOrDefaultAsync());
        var link = body is null ? null : ConfirmLink().Match(body);
        return link is { Success: true }
            ? (Guid.Parse(link.Groups[1].Value), link.Groups[2].Value, new Uri(link.Value).PathAndQuery)
            : null;
    }

    /// <summary>Confirms the address through the API with the link from its mail, as its owner would; nothing when no link was sent.</summary>
    public static async Task ConfirmAsync(this AttuneApp app, string email)
    {
        if (await app.ConfirmationLinkAsync(email) is not { } link)
        {
            return; // Attune:Accounts:RequireConfirmedEmail is off for this app: the account is usable already.
        }

        using var anonymous = app.CreateHttpClient();
        var confirmed = await anonymous.PostAsJsonAsync("/api/v1/auth/confirm", new { userId = link.UserId, token = link.Token });
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
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

    [GeneratedRegex(@"https?://\S+/confirm/([0-9a-f-]{36})/([A-Za-z0-9_-]+)\S*")]
    private static partial Regex ConfirmLink();
}
