using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.GoodNews;

/// <summary>Good news under Us: share some, answer the partner's, and see every exchange.</summary>
internal sealed class IndexModel(GoodNewsService news, GoodNewsCards cards) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    /// <summary>The news whose reply was refused, so its box keeps what was typed.</summary>
    public Guid? ReplyingTo { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    public string PartnerName { get; private set; } = "";

    public GoodNewsList List { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostShareAsync(CancellationToken ct)
    {
        var shared = await news.ShareAsync(Text, ct);
        if (shared.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddFailure(shared.Failure!);
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct)
    {
        var replied = await news.ReplyAsync(id, Reply, ct);
        if (replied.Succeeded)
        {
            return RedirectToPage(null, null, null, $"n-{id:N}");
        }

        ModelState.AddModelError(nameof(Reply), replied.Failure!.Detail);
        ReplyingTo = id;
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        PartnerName = await cards.PartnerAsync(ct);
        var list = await news.ListAsync(null, Before, ct);
        if (!list.Succeeded)
        {
            return RedirectToPage(null, null, new { Before = (Guid?)null }, null);
        }

        List = list.Value!;
        return Page();
    }
}
