using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Attune.Tests.Fixtures;

/// <summary>
/// A browser whose cookies the test holds itself, so a test can copy them into a second client
/// (the "stolen cookie") and post forms with the antiforgery token as a browser would.
/// </summary>
public sealed partial class ManualCookies(HttpClient client) : IDisposable
{
    private readonly Dictionary<string, string> _cookies = [];

    public string Header => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public static async Task<ManualCookies> SignInAsync(AttuneApp app, TestUser user)
    {
        var browser = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        var login = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login?useCookies=true")
        {
            Content = JsonContent.Create(new { email = user.Email, password = user.Password }),
        });
        Assert.True(login.IsSuccessStatusCode);
        return browser;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", Header);
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                var pair = value.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Posts a form the way the page would: the antiforgery token comes from the page at <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await (await GetAsync(formPage)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) });
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
