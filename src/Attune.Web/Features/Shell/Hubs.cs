using Attune.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Shell;

/// <summary>A destination's hub page: its entries for this person, as large rows.</summary>
internal abstract class HubModel(Destination destination, Navigation navigation, Caller caller) : PageModel
{
    public IReadOnlyList<NavItem> Entries { get; private set; } = [];

    public IActionResult OnGet()
    {
        Entries = navigation.Items(destination, caller);
        // Not in this person's navigation (Us before pairing): whoever types the address goes home instead.
        return Entries.Count == 0 ? LocalRedirect("/") : Page();
    }
}

internal sealed class UsModel(Navigation navigation, Caller caller) : HubModel(Destination.Us, navigation, caller);

internal sealed class TogetherModel(Navigation navigation, Caller caller) : HubModel(Destination.Together, navigation, caller);

internal sealed class CheckInModel(Navigation navigation, Caller caller) : HubModel(Destination.CheckIn, navigation, caller);

internal sealed class MeModel(Navigation navigation, Caller caller) : HubModel(Destination.Me, navigation, caller);
