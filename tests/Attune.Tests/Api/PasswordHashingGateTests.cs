using System.Net;
using System.Net.Http.Json;
using Attune.Hosting;
using Attune.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Every request that hashes a password goes through the password-hashing gate (which paces hashes so a sign-in flood
/// cannot take the CPU from readers), however its endpoint declares it; a request that hashes nothing never waits there.
/// The API's sign-in and registration once carried the gate's attribute without being gated at all.
/// </summary>
public sealed class PasswordHashingGateTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp _app = app.LogsTo(output);

    [Fact]
    public async Task Sign_in_and_registration_through_the_api_pass_the_gate_and_reads_do_not()
    {
        var person = await _app.RegisterAsync();
        var gate = _app.Services.GetRequiredService<PasswordHashingGate>();
        var client = _app.CreateHttpClient();

        var before = gate.Runs;
        var signedIn = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = person.Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(before + 1, gate.Runs);

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = "not the password at all" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(before + 2, gate.Runs);

        var registered = await client.PostAsJsonAsync("https://localhost/api/v1/auth/register", new { email = $"gate-{Guid.NewGuid():N}@example.test", password = TestUsers.Password });
        Assert.True(registered.IsSuccessStatusCode, $"{registered.StatusCode}");
        Assert.Equal(before + 3, gate.Runs);

        var read = await person.Api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(before + 3, gate.Runs);
    }
}
