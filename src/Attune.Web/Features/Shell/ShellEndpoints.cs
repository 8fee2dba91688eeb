using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Shell;

/// <summary>
/// The app shell: the navigation registry, Today's cards, the hub pages and Help and safety. Features
/// add themselves with <see cref="AddNavEntry"/> and <see cref="AddTodayCard"/> in their own <c>AddXxx()</c>;
/// the shell maps no routes of its own (its pages are Razor Pages, the service worker a static file).
/// </summary>
internal static class ShellEndpoints
{
    public static IServiceCollection AddShell(this IServiceCollection services)
    {
        services.AddSingleton<Navigation>();
        services.AddSingleton<TodayCards>();
        // Today is everyone's daily home, paired or not; its cards say what there is to do.
        services.AddNavEntry(new NavEntry(Destination.Today, 0, "Today", "sun", "/today", Audience.Everyone, "Your day on Attune"));
        services.AddNavEntry(new NavEntry(Destination.Me, 90, "Help and safety", "lifebuoy", "/help", Audience.Everyone,
            "If you do not feel safe, quick exit, leaving a couple"));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Shell/Help"));
        return services;
    }

    /// <summary>Adds a row to a destination's hub page; a destination is shown to a person only if it has a row for them.</summary>
    public static IServiceCollection AddNavEntry(this IServiceCollection services, NavEntry entry) => services.AddSingleton(entry);

    /// <summary>
    /// Adds a card to Today: <paramref name="load"/> gets the feature's service from the request and returns the
    /// partial's model, or null when there is nothing to show this person today.
    /// </summary>
    public static IServiceCollection AddTodayCard<TService, TModel>(
        this IServiceCollection services, string name, int order, Audience audience, string partial, Func<TService, CancellationToken, Task<TModel>> load)
        where TService : notnull
        where TModel : class? =>
        services.AddSingleton(new TodayCard(name, order, audience, partial, async (provider, ct) => await load(provider.GetRequiredService<TService>(), ct)));
}
