using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Attune.Tests.Fixtures;
using FsCheck.Fluent;

namespace Attune.Tests.Properties;

/// <summary>
/// Property: for every API route that takes a body, any input, however hostile, is answered with
/// 2xx or a 4xx carrying a readable ProblemDetails, never 5xx; and it never changes another couple's
/// data. Thousands of generated bodies per run, on SQLite.
/// </summary>
public sealed class HostileInputTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    private const int PerRoute = 120;

    private static readonly (string Method, string Path, string[] Fields)[] Routes =
    [
        ("POST", "/api/v1/auth/register", ["email", "password"]),
        ("POST", "/api/v1/auth/login", ["email", "password", "twoFactorCode", "twoFactorRecoveryCode"]),
        ("POST", "/api/v1/auth/refresh", ["refreshToken"]),
        ("PUT", "/api/v1/me", ["displayName", "timeZone"]),
        ("PUT", "/api/v1/couple", ["timeZone"]),
        ("POST", "/api/v1/couple/join", ["code"]),
        ("PUT", "/api/v1/today/answer", ["text"]),
        ("POST", "/api/v1/today/reactions", ["kind", "text"]),
        ("POST", "/api/v1/questions/custom", ["text", "category", "depth"]),
        ("PUT", "/api/v1/me/depth", ["maxDepth"]),
        ("POST", "/api/v1/me/password", ["currentPassword", "newPassword"]),
        ("POST", "/api/v1/me/two-step/enable", ["code", "password"]),
        ("POST", "/api/v1/me/two-step/recovery-codes", ["password"]),
        ("POST", "/api/v1/me/export", ["password"]),
        ("POST", "/api/v1/me/passkeys", ["credential", "name"]),
        ("POST", "/api/v1/auth/passkey", ["credential"]),
        ("POST", "/api/v1/me/delete", ["password"]),
    ];

    [Fact]
    public async Task Hostile_bodies_never_cause_a_server_error_and_never_touch_another_couple()
    {
        var bystanders = await app.CreatePairedCoupleAsync();
        await bystanders.BothAnswerAsync("bystander answer", "bystander partner answer");
        var before = await SnapshotAsync(bystanders.Inviter);
        var (caller, _) = await app.CreatePairedCoupleAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, path, fields) in Routes)
        {
            foreach (var body in HostileInput.Bodies(fields).Sample(PerRoute, PerRoute))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body.Bytes) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
                var response = await caller.Api.SendAsync(request);
                sent++;
                var problem = await DescribeProblemAsync(response);
                if (problem is not null)
                {
                    failures.Add($"{method} {path} {problem} for {body.Description}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} inputs:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(before, await SnapshotAsync(bystanders.Inviter));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateHttpClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Hostile_query_strings_and_route_values_never_cause_a_server_error()
    {
        var (caller, _) = await app.CreatePairedCoupleAsync();
        var failures = new List<string>();
        var values = HostileInput.Strings().Sample(50, 3 * PerRoute);
        for (var i = 0; i + 2 < values.Length; i += 3)
        {
            var (a, b, c) = (Uri.EscapeDataString(values[i]), Uri.EscapeDataString(values[i + 1]), Uri.EscapeDataString(values[i + 2]));
            // Kestrel refuses a NUL in the path before the app sees it (400); the test host would throw instead.
            var (segmentA, segmentB) = (a.Replace("%00", "", StringComparison.Ordinal), b.Replace("%00", "", StringComparison.Ordinal));
            foreach (var (method, path) in new[]
                     {
                         ("GET", $"/api/v1/questions/history?category={a}&before={b}&limit={c}"),
                         ("DELETE", $"/api/v1/questions/custom/{segmentA}"),
                         ("DELETE", $"/api/v1/me/sessions/{segmentB}"),
                         ("POST", $"/api/v1/auth/login?useCookies={c}"),
                     })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                var response = await caller.Api.SendAsync(request);
                if ((int)response.StatusCode >= 500 || (await DescribeProblemAsync(response) is not null && response.StatusCode != HttpStatusCode.NotFound))
                {
                    failures.Add($"{method} {path}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>Null when the answer is acceptable: 2xx, or 4xx with a ProblemDetails that says something.</summary>
    private static async Task<string?> DescribeProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500 || status < 400)
        {
            return $"answered {status}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {status} without ProblemDetails ({response.Content.Headers.ContentType})";
        }

        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        var says = root.TryGetProperty("errors", out _) || root.TryGetProperty("detail", out _) ||
                   (root.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 });
        return says ? null : $"answered {status} with an empty ProblemDetails: {text}";
    }

    private static readonly string[] SnapshotPaths =
        ["/api/v1/me", "/api/v1/couple", "/api/v1/today", "/api/v1/questions/history", "/api/v1/questions/custom", "/api/v1/me/sessions"];

    private static async Task<string> SnapshotAsync(TestUser user) =>
        string.Join('\n', await Task.WhenAll(SnapshotPaths.Select(user.Api.GetStringAsync)));
}
