using System.Text.Json;
using System.Text.Json.Serialization;
using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Activities;
using Attune.Features.Apologies;
using Attune.Features.Appreciation;
using Attune.Features.Audit;
using Attune.Features.Calendar;
using Attune.Features.CheckIns;
using Attune.Features.Coach;
using Attune.Features.Couples;
using Attune.Features.Desires;
using Attune.Features.Export;
using Attune.Features.GoodNews;
using Attune.Features.Insights;
using Attune.Features.Journal;
using Attune.Features.Leaving;
using Attune.Features.Exercises;
using Attune.Features.Letters;
using Attune.Features.Listening;
using Attune.Features.Passkeys;
using Attune.Features.Personal;
using Attune.Features.Questions;
using Attune.Features.Quiz;
using Attune.Features.Reminders;
using Attune.Features.Rituals;
using Attune.Features.SafeHaven;
using Attune.Features.Security;
using Attune.Features.Sessions;
using Attune.Features.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Attune.Hosting;

/// <summary>
/// The composition root: the platform (database, keys, cookies, pages, pipeline), then each feature's
/// own <c>AddXxx()</c> and <c>MapXxx()</c>. A feature's services, options, pages and hosted work live in
/// its folder; nothing of a feature's inside is registered here.
/// </summary>
internal static class AttuneHost
{
    /// <summary>Pages need the cookie scheme so that an anonymous visitor is sent to sign in (the API answers 401).</summary>
    public const string PagePolicy = "pages";

    public static WebApplicationBuilder AddAttune(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        builder.AddQuietLogging();

        services.AddOptions<AttuneOptions>().BindConfiguration(AttuneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = HostingText.Customize);
        // The specific handler first: an unreadable sealed value has its own answer; every other fault the general one.
        services.AddExceptionHandler<SealedValueFailures>();
        services.AddErrorHandling();
        services.AddSingleton<PublicUrls>();
        services.AddOpenApi();
        services.AddAttuneDatabase();
        services.AddAttuneRateLimits();
        services.AddPasswordHashingGate();
        services.AddAttuneLocalization();

        services.AddSingleton<KeyDirectory>();
        services.AddSingleton<MasterKey>();
        services.AddSingleton<KeyVault>();
        services.AddSingleton<FieldCipher>();
        services.AddDataProtection().SetApplicationName("Attune");
        services.AddOptions<KeyManagementOptions>().Configure<KeyDirectory, ILoggerFactory>((o, keys, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(keys.Path, "data-protection")), logs));
        services.AddDataProtectionKeyEncryption();

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
        }).AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = Localization.ForModel);
        services.AddHealthChecks().AddDbContextCheck<AttuneDbContext>("database", tags: ["ready"]);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));

        services.AddShell();
        services.AddAccounts();
        services.AddSessions();
        services.AddSecurity();
        services.AddPasskeys();
        services.AddAudit();
        services.AddCouples();
        services.AddQuestions();
        services.AddAppreciation();
        services.AddRituals();
        services.AddActivities();
        services.AddReminders();
        services.AddGoodNews();
        services.AddSafeHaven();
        services.AddCheckIns();
        services.AddInsights();
        services.AddCoach();
        services.AddApologies();
        services.AddJournal();
        services.AddLetters();
        services.AddExercises();
        services.AddDesires();
        services.AddQuiz();
        services.AddPersonal();
        services.AddListening();
        services.AddCalendar();
        services.AddExport();
        services.AddLeaving();
        return builder;
    }

    public static async Task<WebApplication> UseAttuneAsync(this WebApplication app)
    {
        await app.PrepareSharedStateAsync();
        if (!app.Environment.IsDevelopment())
        {
            app.UseErrorHandling();
            app.UseHsts();
        }

        // Behind a TLS-terminating reverse proxy on this host, trust its X-Forwarded-* headers.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UsePlainHttpRules();
        app.UseSameOriginApi();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSessions();
        app.UseAttuneLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePasswordHashingGate();
        // After everything that decides who the caller is and what they may see: a kept page is only served past those.
        app.UseOutputCache();

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
        app.MapAppreciation();
        app.MapRituals();
        app.MapActivities();
        app.MapReminders();
        app.MapGoodNews();
        app.MapSafeHaven();
        app.MapCheckIns();
        app.MapInsights();
        app.MapCoach();
        app.MapApologies();
        app.MapJournal();
        app.MapLetters();
        app.MapExercises();
        app.MapDesires();
        app.MapQuiz();
        app.MapPersonal();
        app.MapListening();
        app.MapCalendar();
        app.MapExport();
        app.MapLeaving();
        app.MapRazorPages();
        return app;
    }
}
