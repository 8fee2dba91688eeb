using Attune.Data;
using Attune.Features.Couples;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Demo;

/// <summary>
/// `--demo`: two linked accounts so a newcomer can explore as both partners in two browser windows.
/// Safe to repeat: existing demo accounts are kept.
/// </summary>
internal static class DemoSeeder
{
    public const string Password = "demo-password-for-attune";

    private static readonly (string Email, string Name)[] People =
    [
        ("alex@demo.attune.invalid", "Alex"),
        ("sam@demo.attune.invalid", "Sam"),
    ];

    public static async Task SeedAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AttuneUser>>();
        var time = sp.GetRequiredService<TimeProvider>();

        var accounts = new List<AttuneUser>();
        foreach (var (email, name) in People)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AttuneUser { UserName = email, Email = email, DisplayName = name, TimeZone = "Europe/London", CreatedAt = time.GetUtcNow(), EmailConfirmed = true };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
                }
            }

            accounts.Add(user);
        }

        if (accounts[0].CoupleId is null && accounts[1].CoupleId is null)
        {
            // Each person acts in a scope of their own, as they would in their own request.
            var invitation = await AsAsync(services, accounts[0], couples => couples.CreateInvitationAsync(new Uri("http://localhost/"), CancellationToken.None));
            await AsAsync(services, accounts[1], couples => couples.JoinAsync(invitation.Value!.Code, CancellationToken.None));
        }

        await output.WriteLineAsync("Demo accounts (a linked couple):");
        foreach (var (email, name) in People)
        {
            await output.WriteLineAsync($"  {name}: {email} / {Password}");
        }

        await output.WriteLineAsync("Sign in as each in a separate browser window (or a private window).");
    }

    private static async Task<T> AsAsync<T>(IServiceProvider services, AttuneUser person, Func<CoupleService, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerScope>().Set(new Caller(person.Id, person.CoupleId, SessionId: null));
        return await work(scope.ServiceProvider.GetRequiredService<CoupleService>());
    }
}
