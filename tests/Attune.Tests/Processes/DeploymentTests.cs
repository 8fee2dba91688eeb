using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Processes;

/// <summary>
/// The README's deployment, as written: `dotnet publish -c Release -o DIR`, then DIR/Attune.Web started from
/// another folder (a home directory, a service unit without WorkingDirectory) in Production, over plain HTTP.
/// </summary>
public sealed class DeploymentTests(ITestOutputHelper output) : IDisposable
{
    // The working directory, which is neither the published folder nor the source tree.
    private readonly string _home = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "attune-tests", Guid.NewGuid().ToString("N"), "home")).FullName;

    [Fact]
    public async Task Started_from_another_folder_the_app_serves_its_own_files_and_keeps_its_data_in_that_folder()
    {
        var settings = AppProcess.Settings(dataDirectory: "unused");
        settings.Remove("Attune__DataDirectory"); // the default: "data", relative to the working directory
        await using var server = await StartAsync(settings);
        using var client = server.Client();

        foreach (var (path, type) in new[] { ("/css/site.css", "text/css"), ("/js/quick-exit.js", "text/javascript") })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }

        Assert.True(File.Exists(Path.Combine(_home, "data", "attune.db")), "the database is not in <working directory>/data");
        Assert.False(Directory.Exists(Path.Combine(await PublishedApp.FolderAsync(), "data")), "the app wrote data into its own folder");
    }

    [Fact]
    public async Task Over_plain_http_this_machine_is_served_and_other_addresses_are_told_to_use_https()
    {
        await using var server = await StartAsync(AppProcess.Settings(Path.Combine(_home, "data")));
        var email = $"{Guid.NewGuid():N}@example.test";
        await server.RegisterAsync(email);

        // A browser on this machine: Secure cookies are accepted from http://localhost, so forms work.
        using var browser = new ManualCookies(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.Address,
        });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/register")).StatusCode);
        var signIn = await browser.PostFormAsync("/signin", "/signin", new() { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-attune.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/couple")).StatusCode);

        // Another computer, through a plain-HTTP proxy on this one: a page that explains, never a 500.
        using var client = server.Client();
        var page = await client.SendAsync(Forwarded("/signin", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("Attune needs HTTPS", text, StringComparison.Ordinal);
        Assert.Contains("reverse proxy", text, StringComparison.Ordinal);
        var api = await client.SendAsync(Forwarded("/api/v1/me", "203.0.113.7"));
        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json"), (api.StatusCode, api.Content.Headers.ContentType?.MediaType));

        // The same computer through a TLS proxy on this machine: HTTPS as far as the app is concerned.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Forwarded("/signin", "203.0.113.7", "https"))).StatusCode);
    }

    [Fact]
    public async Task A_day_of_use_leaves_a_quiet_log_without_sql_request_paths_secrets_or_errors()
    {
        await using var server = await StartAsync(AppProcess.Settings(Path.Combine(_home, "data")));
        var couples = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => server.PairAsync()));
        var single = await server.RegisterAsync($"{Guid.NewGuid():N}@example.test");
        using var inviter = server.Client(single);
        var invitation = await (await inviter.PostAsync("/api/v1/couple/invitations", null)).ReadAsync<InvitationDto>();
        using var anonymous = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/join/{invitation.Code}")).StatusCode);

        // Both partners of every couple open the new day at the same moment.
        var clients = couples.SelectMany(c => new[] { server.Client(c.Inviter), server.Client(c.Partner) }).ToList();
        var days = await Task.WhenAll(clients.Select(c => c.GetAsync("/api/v1/today")));
        Assert.All(days, d => Assert.Equal(HttpStatusCode.OK, d.StatusCode));
        await Task.WhenAll(clients.Select(c => c.PutAsJsonAsync("/api/v1/today/answer", new { text = "Something true." })));
        clients.ForEach(c => c.Dispose());
        await server.StopAsync();

        var log = server.Output;
        Assert.Contains("Application started", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", log, StringComparison.Ordinal);
        Assert.DoesNotContain("/join/", log, StringComparison.Ordinal);
        Assert.DoesNotContain(invitation.Code, log, StringComparison.Ordinal);
        Assert.DoesNotContain(invitation.Code.Replace("-", "", StringComparison.Ordinal), log, StringComparison.Ordinal);
        var loud = log.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
                                              || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
                                              || l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal));
        Assert.Empty(loud);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(_home)!, recursive: true);
        }
        catch (IOException)
        {
            // The test script removes the temp folder anyway.
        }
    }

    private async Task<AppProcess> StartAsync(Dictionary<string, string> settings) =>
        await AppProcess.StartAsync(settings, output, await PublishedApp.LaunchAsync(_home));

    private static HttpRequestMessage Forwarded(string path, string client, string? scheme = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", client);
        if (scheme is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", scheme);
        }

        return request;
    }
}
