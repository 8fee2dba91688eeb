using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Passkeys;
using Attune.Features.Security;
using Attune.Features.Sessions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attune.Features.Couples;
using Attune.Features.Export;
using Attune.Features.Leaving;
using Attune.Features.Questions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;

namespace Attune.Hosting;

/// <summary>The composition root: what Program.cs registers and maps, in one readable place.</summary>
internal static class AttuneHost
{
    /// <summary>Pages need the cookie scheme so that an anonymous visitor is sent to sign in (the API answers 401).</summary>
    public const string PagePolicy = "pages";

    public static WebApplicationBuilder AddAttune(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        services.AddOptions<AttuneOptions>().BindConfiguration(AttuneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddAttuneDatabase();
        services.AddAttuneRateLimits();
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section).ValidateOnStart();

        services.AddSingleton<KeyDirectory>();
        services.AddSingleton<MasterKey>();
        services.AddSingleton<KeyVault>();
        services.AddSingleton<FieldCipher>();
        services.AddDataProtection().SetApplicationName("Attune");
        services.AddOptions<KeyManagementOptions>().Configure<KeyDirectory, ILoggerFactory>((o, keys, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(keys.Path, "data-protection")), logs));

        services.AddIdentityApiEndpoints<AttuneUser>(o =>
            {
                PasswordRules.Apply(o);
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3; // adds passkeys
            })
            .AddEntityFrameworkStores<AttuneDbContext>()
            .AddSignInManager<AttuneSignInManager>()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.Name)
            .AddPasswordValidator<MaxLengthPasswordValidator>();
        services.Configure<IdentityOptions>(o => o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name);
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionValidation.KeepSessionOnRefresh);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordRules.Pbkdf2Iterations);
        services.AddAuthCookies();
        services.AddAuthorizationBuilder()
            .AddPolicy(PagePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/", PagePolicy);
            o.Conventions.AllowAnonymousToPage("/Home/Index");
            o.Conventions.AllowAnonymousToPage("/Home/Error");
            o.Conventions.AllowAnonymousToPage("/Home/Exit");
            o.Conventions.AllowAnonymousToPage("/Accounts/Register");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignInTwoStep");
            o.Conventions.AllowAnonymousToPage("/Couples/Join");
        });
        services.AddHealthChecks().AddDbContextCheck<AttuneDbContext>("database", tags: ["ready"]);

        services.AddScoped<ProfileService>();
        services.AddScoped<SessionService>();
        services.AddScoped<SessionProofs>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<RecentSignIn>();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInSessionOptions>().BindConfiguration(SignInSessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<AuditLog>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        services.AddScoped<PasswordService>();
        services.AddScoped<TwoStepService>();
        services.AddScoped<PasskeyService>();
        services.AddScoped<CoupleService>();
        services.AddOptions<QuestionsOptions>().BindConfiguration(QuestionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QuestionLibrary>();
        services.AddScoped<DailyQuestions>();
        services.AddScoped<AnswerPrivacy>();
        services.AddScoped<DepthLadder>();
        services.AddScoped<TodayService>();
        services.AddSingleton<TodayCache>();
        services.AddScoped<HistoryService>();
        services.AddScoped<CustomQuestionService>();
        services.AddScoped<ExportService>();
        services.AddScoped<LeavingService>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
        return builder;
    }

    public static async Task<WebApplication> UseAttuneAsync(this WebApplication app)
    {
        await app.MigrateAttuneDatabaseAsync();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        // Behind a TLS-terminating reverse proxy on this host, trust its X-Forwarded-* headers.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSessions();
        app.UseRateLimiter();
        app.UsePasswordHashingGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapAccounts();
        app.MapSessions();
        app.MapSecurity();
        app.MapPasskeys();
        app.MapAudit();
        app.MapCouples();
        app.MapQuestions();
        app.MapExport();
        app.MapLeaving();
        app.MapRazorPages();
        return app;
    }
}
