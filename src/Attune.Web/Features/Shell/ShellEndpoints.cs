using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Shell;

/// <summary>
/// The app shell: the navigation registry, Today's cards, the hub pages and Help and safety. Features
/// add themselves with <see cref="AddNavEntry{TText}"/> and <see cref="AddTodayCard"/> in their own <c>AddXxx()</c>;
/// the shell maps no routes of its own (its pages are Razor Pages, the service worker a static file).
/// </summary>
internal static class ShellEndpoints
{
    public static IServiceCollection AddShell(this IServiceCollection services)
    {
        services.AddSingleton<Navigation>();
        services.AddSingleton<TodayCards>();
        services.AddOutputCache(o => o.AddPolicy(TodayPageOutput.Policy, new TodayPageOutput()));
        services.AddOptions<TodayPageOptions>().BindConfiguration(TodayPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Today is everyone's daily home, paired or not; its cards say what there is to do.
        services.AddNavEntry<ShellText>(Destination.Today, 0, "nav.today", "sun", "/today", Audience.Everyone);
        services.AddNavEntry<ShellText>(Destination.Me, 90, "nav.help", "lifebuoy", "/help", Audience.Everyone);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Shell/Help"));
        // Together and Check-in have hub pages from the start; a tab appears once a feature adds an entry for this person.
        return services;
    }

    /// <summary>
    /// Adds a row to a destination's hub page; a destination is shown to a person only if it has a row for them.
    /// <paramref name="label"/> is a key in <typeparamref name="TText"/>'s resources, and so is its hint, <c>label + ".hint"</c>.
    /// </summary>
    public static IServiceCollection AddNavEntry<TText>(
        this IServiceCollection services, Destination destination, int order, string label, string icon, string path, Audience audience) =>
        services.AddSingleton(new NavEntry(destination, order, typeof(TText), label, icon, path, audience));

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
