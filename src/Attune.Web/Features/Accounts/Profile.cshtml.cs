using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Accounts;

internal sealed class ProfileModel(ProfileService profiles) : PageModel
{
    [BindProperty]
    public UpdateMeRequest Input { get; set; } = new(null, null);

    public string Email { get; private set; } = "";

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var me = await profiles.GetAsync(User.RequireUserId(), ct);
        if (me is null)
        {
            return NotFound();
        }

        Email = me.Email;
        Input = new UpdateMeRequest(me.DisplayName, me.TimeZone);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (_, errors) = await profiles.UpdateAsync(User.RequireUserId(), Input, ct);
        if (errors.Count == 0)
        {
            return RedirectToPage(new { saved = true });
        }

        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "displayName" ? "Input.DisplayName" : "Input.TimeZone", messages[0]);
        }

        Email = (await profiles.GetAsync(User.RequireUserId(), ct))?.Email ?? "";
        return Page();
    }
}
