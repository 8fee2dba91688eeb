using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Accounts;

internal sealed class ProfileModel(Caller caller, ProfileService profiles, SignInManager<AttuneUser> signIn, Leaving.LeavingService leaving, Export.ExportService export) : PageModel
{
    [BindProperty]
    public UpdateMeRequest Input { get; set; } = new(null, null);

    public string Email { get; private set; } = "";

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var me = await profiles.GetAsync(caller, ct);
        if (me is null)
        {
            return NotFound();
        }

        Email = me.Email;
        Input = new UpdateMeRequest(me.DisplayName, me.TimeZone, me.Language);
        Saved = saved;
        return Page();
    }

    [BindProperty]
    public string? ExportPassword { get; set; }

    /// <summary>Downloads everything I wrote, after I confirm my password.</summary>
    [HashesPassword]
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var file = await export.FileAsync(caller, ExportPassword, ct);
        if (file.Value is { } exported)
        {
            return File(exported.Content, "application/json", exported.Name);
        }

        ModelState.AddModelError(nameof(ExportPassword), file.Failure!.Detail);
        return await OnGetAsync(saved: false, ct);
    }

    [BindProperty]
    public string? DeletePassword { get; set; }

    [HashesPassword]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var deleted = await leaving.DeleteAccountAsync(DeletePassword, ct);
        if (deleted.Succeeded)
        {
            await signIn.SignOutAsync();
            Shell.BrowserData.ForgetOnSignOut(Response);
            return LocalRedirect("/");
        }

        ModelState.AddModelError(nameof(DeletePassword), deleted.Failure!.Detail);
        return await OnGetAsync(saved: false, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var updated = await profiles.UpdateAsync(caller, Input, ct);
        if (updated.Succeeded)
        {
            return RedirectToPage(new { saved = true });
        }

        ModelState.AddFailure(updated.Failure!, nameof(Input));

        Email = (await profiles.GetAsync(caller, ct))?.Email ?? "";
        return Page();
    }
}
