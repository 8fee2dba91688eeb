using Attune.Data;
using Attune.Features.Mail;
using Attune.Features.Sessions;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attune.Features.Accounts;

internal static class AccountEndpoints
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<AttuneUser>(o =>
            {
                PasswordRules.Apply(o);
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3; // adds passkeys
            })
            .AddEntityFrameworkStores<AttuneDbContext>()
            .AddUserStore<Security.SealedTwoStepStore>()
            .AddSignInManager<AttuneSignInManager>()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.Name)
            .AddTokenProvider<ConfirmationTokens>(ConfirmationTokens.Name)
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        services.AddOptions<IdentityOptions>().Configure<Microsoft.Extensions.Options.IOptions<AccountOptions>>((o, accounts) =>
        {
            o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name;
            o.Tokens.EmailConfirmationTokenProvider = ConfirmationTokens.Name;
            o.SignIn.RequireConfirmedEmail = accounts.Value.RequireConfirmedEmail;
        });
        services.AddScoped<Registration>();
        services.AddSingleton<NobodysHash>();
        services.AddMail();
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionValidation.KeepSessionOnRefresh);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordRules.Pbkdf2Iterations);
        services.AddSingleton<IInterceptor, NewAccountDefaults>();
        services.AddScoped<ProfileService>();
        // The saved language comes before the browser's (Hosting/Localization.cs sets the browser's as the only one).
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new SavedLanguage()));
        services.AddScoped<PasswordCheck>();
        services.AddNavEntry<AccountsText>(Destination.Me, 10, "nav.profile", "id-card", "/profile", Audience.Everyone);
        services.AddNavEntry<AccountsText>(Destination.Me, 40, "nav.data", "download", "/profile#export-heading", Audience.Everyone);
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Accounts/Register");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignInTwoStep");
            o.Conventions.AllowAnonymousToPage("/Accounts/Confirm");
            o.Conventions.AllowAnonymousToPage("/Accounts/ConfirmAgain");
        });
        return services;
    }

    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAuth();
        var me = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/", GetMe);
        me.MapPut("/", UpdateMe);
        return me;
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMe(Caller caller, ProfileService profiles, CancellationToken ct) =>
        await profiles.GetAsync(caller, ct) is { } me ? TypedResults.Ok(me) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult, ValidationProblem>> UpdateMe(
        UpdateMeRequest request, Caller caller, ProfileService profiles, CancellationToken ct) =>
        (await profiles.UpdateAsync(caller, request, ct)).ToResult(TypedResults.Ok);
}
