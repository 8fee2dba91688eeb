using System.Security.Claims;
using System.Text.Json;
using Attune.Data;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attune.Bench.Seed;

/// <summary>
/// Signs bench people in without hashing their password: the app's own <see cref="SignInManager{TUser}"/> (Attune's,
/// which starts a session row) and authentication handlers write the cookie or bearer token, exactly what a password
/// sign-in writes after the password check. A real sign-in is held to PasswordHashing:MaxPerSecond (4 per second by
/// default); 2,000 people would take 8 minutes. The data directory (its data-protection keys) and database must be the
/// app's.
/// </summary>
internal static class SignIns
{
    /// <summary>
    /// Reads "email" lines from <paramref name="peopleFile"/>; writes "email\tCookie: …" lines to <paramref name="cookiesOut"/>
    /// and, for the first <paramref name="tokenCount"/> people, "email\tAuthorization: Bearer …" lines to <paramref name="tokensOut"/>.
    /// Earlier runs' sessions are deleted first (a bench database holds only bench people).
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, string peopleFile, string cookiesOut, string tokensOut, int tokenCount)
    {
        var emails = File.ReadAllLines(peopleFile).Where(l => l.Length > 0).ToList();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttuneDbContext>().Set<SignInSession>().ExecuteDeleteAsync();
        }

        var cookies = new List<string>();
        var tokens = new List<string>();
        for (var i = 0; i < emails.Count; i++)
        {
            cookies.Add($"{emails[i]}\tCookie: {await SignInAsync(services, emails[i], IdentityConstants.ApplicationScheme)}");
            if (i < tokenCount)
            {
                tokens.Add($"{emails[i]}\tAuthorization: Bearer {await SignInAsync(services, emails[i], IdentityConstants.BearerScheme)}");
            }
        }

        await File.WriteAllLinesAsync(cookiesOut, cookies);
        await File.WriteAllLinesAsync(tokensOut, tokens);
    }

    private static async Task<string> SignInAsync(IServiceProvider services, string email, string scheme)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("localhost");
        context.Request.Headers.UserAgent = "Attune.Bench";
        context.Response.Body = new MemoryStream();
        provider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;

        var signIn = provider.GetRequiredService<SignInManager<AttuneUser>>();
        signIn.Context = context;
        signIn.AuthenticationScheme = scheme;
        var user = await signIn.UserManager.FindByNameAsync(email) ?? throw new InvalidOperationException($"{email} is not seeded");
        var cookie = scheme == IdentityConstants.ApplicationScheme;
        // What PasswordSignInAsync passes on once the password is right.
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = cookie }, [new Claim("amr", "pwd")]);

        if (cookie)
        {
            // name=value of the sign-in cookie (and its chunks, if the cookie manager split it).
            return string.Join("; ", context.Response.Headers.SetCookie
                .Select(c => c!.Split(';')[0])
                .Where(c => c.Contains("attune.auth", StringComparison.Ordinal)));
        }

        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body);
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
