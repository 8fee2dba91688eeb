using Attune.Data;

namespace Attune.Features.Shell;

/// <summary>
/// A card a feature adds to Today, registered in its <c>AddXxx()</c> with <see cref="ShellEndpoints.AddTodayCard"/>.
/// Today knows no feature: it asks each card it may show this person to load, and renders the card's
/// partial view with what came back.
/// </summary>
/// <param name="Name">For logs and tests.</param>
/// <param name="Order">Lower comes first.</param>
/// <param name="Audience">Who may see the card; it is not even loaded for anyone else.</param>
/// <param name="Partial">The feature's partial view, by its full path (<c>/Features/Xxx/_Card.cshtml</c>).</param>
/// <param name="Load">Loads the partial's model through the feature's own service; null shows nothing today.</param>
internal sealed record TodayCard(
    string Name, int Order, Audience Audience, string Partial, Func<IServiceProvider, CancellationToken, Task<object?>> Load);

/// <summary>A card ready to render.</summary>
internal sealed record LoadedCard(string Name, string Partial, object Model);

/// <summary>Every registered card, in order.</summary>
internal sealed class TodayCards(IEnumerable<TodayCard> cards)
{
    private readonly TodayCard[] _cards = [.. cards.OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>The cards this person sees today, loaded one after another (they share the request's database context).</summary>
    public async Task<IReadOnlyList<LoadedCard>> LoadAsync(Caller caller, IServiceProvider services, CancellationToken ct)
    {
        var loaded = new List<LoadedCard>();
        foreach (var card in _cards.Where(c => Navigation.Sees(c.Audience, caller)))
        {
            if (await card.Load(services, ct) is { } model)
            {
                loaded.Add(new LoadedCard(card.Name, card.Partial, model));
            }
        }

        return loaded;
    }
}
