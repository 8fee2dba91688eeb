using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Insights;

/// <summary>Takes the notice card's "put this away" form, and shows the notices on their own.</summary>
internal sealed class NoticesModel(NoticeService notices) : PageModel
{
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Notices = await notices.ActiveAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        await notices.DismissAsync(id, ct);
        return LocalRedirect("/today");
    }
}
