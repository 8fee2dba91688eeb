using System.Net;
using System.Net.Http.Json;

namespace Attune.Tests.Fixtures;

/// <summary>Someone outside who knows only an e-mail address and tries passwords at the sign-in.</summary>
public static class Strangers
{
    /// <summary>One sign-in attempt from a fresh client; the answer is returned, whatever it is.</summary>
    public static async Task<HttpResponseMessage> TrySignInAsync(this AttuneApp app, string email, string password)
    {
        using var stranger = app.CreateHttpClient();
        return await stranger.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    }

    /// <summary>Five wrong passwords: the account is locked for sign-in from outside.</summary>
    public static async Task LockOutAsync(this AttuneApp app, string email)
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.TrySignInAsync(email, "a stranger's guess")).StatusCode);
        }
    }
}
