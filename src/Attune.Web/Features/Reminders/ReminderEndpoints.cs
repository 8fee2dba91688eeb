using Attune.Features.Mail;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Reminders;

internal static class ReminderEndpoints
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddMail();
        services.AddScoped<ReminderService>();
        services.AddScoped<Unsubscriptions>();
        services.AddScoped<IMailSchedule, ReminderPlanner>();
        // The settings page is open to everyone signed in (a single person may choose before pairing); mails go to couples only.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Reminders/Unsubscribe"));
        services.AddNavEntry<RemindersText>(Destination.Me, 27, "nav.reminders", "bell", "/reminders", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reminders").WithTags("Reminders").RequireAuthorization();
        group.MapGet("/", Get);
        group.MapPut("/", Save);
        return group;
    }

    private static async Task<Ok<ReminderSettingsView>> Get(ReminderService reminders, CancellationToken ct) =>
        TypedResults.Ok(await reminders.GetAsync(ct));

    private static async Task<Results<Ok<ReminderSettingsView>, ProblemHttpResult, ValidationProblem>> Save(
        ReminderRequest request, ReminderService reminders, CancellationToken ct) =>
        (await reminders.SaveAsync(request, ct)).ToResult(TypedResults.Ok);
}
