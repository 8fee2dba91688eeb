using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Attune.Tests.Api;

/// <summary>
/// Join links never point at a host that a request made up. The app runs as shipped: AllowedHosts "*"
/// and no Attune:PublicUrl, so only a loopback host may be used; with PublicUrl set, the links use it.
/// </summary>
public abstract class JoinLinkApiTests(OpenHostApp app)
{
    [Fact]
    public async Task A_forged_host_gets_no_join_link_and_the_operator_is_told_to_set_the_public_address()
    {
        var user = await app.RegisterAsync();

        var created = await user.Api.PostAsync("https://evil.example/api/v1/couple/invitations", null);
        var open = await user.Api.GetAsync("https://evil.example/api/v1/couple/invitations/open");

        foreach (var response in new[] { created, open })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Attune:PublicUrl", body, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        }

        using var browser = await ManualCookies.SignInAsync(app, user);
        var page = await (await browser.GetAsync("https://evil.example/couple")).Content.ReadAsStringAsync();
        Assert.Contains("Attune:PublicUrl", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:8080")]
    public async Task A_loopback_host_is_used_for_links_when_no_public_address_is_set(string host)
    {
        var user = await app.RegisterAsync();
        var invitation = await (await user.Api.PostAsync($"https://{host}/api/v1/couple/invitations", null)).ReadAsync<InvitationDto>();
        Assert.Equal($"https://{host}/join/{invitation.Code}", invitation.Url);
    }

    [Fact]
    public async Task With_a_public_address_every_link_uses_it_whatever_the_host_header_says()
    {
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Attune:PublicUrl", "https://attune.example.org/"));
        var user = await app.RegisterAsync();
        using var anonymous = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await anonymous.PostAsJsonAsync("https://evil.example/api/v1/auth/login", new { email = user.Email, password = user.Password }))
            .ReadAsync<TokenResponse>();
        using var api = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        var invitation = await (await api.PostAsync("https://evil.example/api/v1/couple/invitations", null)).ReadAsync<InvitationDto>();
        Assert.Equal($"https://attune.example.org/join/{invitation.Code}", invitation.Url);
        Assert.Equal(invitation.Url, (await api.GetFromJsonAsync<InvitationDto>("https://evil.example/api/v1/couple/invitations/open"))!.Url);
    }
}

/// <summary>The app with the shipped host settings: any Host header accepted, no public address configured.</summary>
public class OpenHostApp : AttuneApp
{
    public OpenHostApp()
        : this(DatabaseKind.Sqlite)
    {
    }

    protected OpenHostApp(DatabaseKind database)
        : base(database, new() { ["AllowedHosts"] = "*" })
    {
    }
}

public sealed class PostgresOpenHostApp : OpenHostApp
{
    public PostgresOpenHostApp()
        : base(DatabaseKind.Postgres)
    {
    }
}

public sealed class SqliteJoinLinkApiTests(OpenHostApp app) : JoinLinkApiTests(app), IClassFixture<OpenHostApp>;

public sealed class PostgresJoinLinkApiTests(PostgresOpenHostApp app) : JoinLinkApiTests(app), IClassFixture<PostgresOpenHostApp>;
