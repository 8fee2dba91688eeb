using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Attune.Features.Shell;

/// <summary>The daily home for everyone signed in: a greeting, then the cards features registered for this person.</summary>
[StatementBudget(38, "Every card loads on its own: about 14 cards at 1–4 statements each (measured 37 after the know-me and planned-date cards, 29 since the day's read became two statements). The couple's reads are not shared across cards yet; a miss is what the evening peak pays (bench/README.md).")]
[OutputCache(PolicyName = TodayPageOutput.Policy)]
internal sealed class TodayModel(Caller caller, ProfileService profiles, TodayCards cards, AttuneDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<LoadedCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One connection for every card's queries, instead of taking one from the pool (and giving it back) per query.
        (DisplayName, Cards) = await db.OnOneConnectionAsync(async () =>
        {
            var name = (await profiles.GetAsync(caller, ct))?.DisplayName ?? "";
            return (name, await cards.LoadAsync(caller, HttpContext.RequestServices, ct));
        }, ct);
    }
}
