using Attune.Hosting;
using Microsoft.Extensions.Options;

namespace Attune.Features.Mail;

/// <summary>Something that queues mails on a schedule (reminders). Registered by its feature; run before each delivery round.</summary>
internal interface IMailSchedule
{
    Task PlanAsync(CancellationToken ct);
}

/// <summary>
/// Every <see cref="MailOptions.PollEvery"/>: lets each schedule queue what is due, then delivers due mails. Safe on
/// several instances (schedules and the outbox claim with conditional updates) and to repeat after a crash.
/// </summary>
internal sealed partial class MailWorker(
    IServiceScopeFactory scopes, MailOutbox outbox, IOptions<MailOptions> options, TimeProvider time, ILogger<MailWorker> logger)
    : BackgroundService
{
    /// <summary>One round, as a tick runs it; tests call it after moving the fake clock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var schedule in scope.ServiceProvider.GetServices<IMailSchedule>())
            {
                await schedule.PlanAsync(ct);
            }
        }

        return await outbox.DeliverDueAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollEvery, time);
        while (await timer.NextRoundAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; an unavailable database must not stop the host.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "A mail round failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

internal static class MailSetup
{
    /// <summary>Called by each feature that sends mail (accounts, reminders); adds the outbox once.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MailOutbox)))
        {
            return services;
        }

        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<FileMailTransport>();
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
            ? sp.GetRequiredService<FileMailTransport>()
            : sp.GetRequiredService<SmtpMailTransport>());
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MailWorker>());
        return services;
    }
}
