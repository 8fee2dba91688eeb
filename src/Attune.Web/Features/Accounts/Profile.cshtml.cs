using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Attune.Features.Accounts;

[HashesPassword]
internal sealed class ProfileModel(ProfileService profiles, PasswordCheck passwords, SignInManager<AttuneUser> signIn, Leaving.LeavingService leaving, Export.ExportService export, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time) : PageModel
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

    [BindProperty]
    public string? ExportPassword { get; set; }

    /// <summary>Downloads everything I wrote, after I confirm my password.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var me = User.RequireUserId();
        var confirmed = await passwords.ConfirmAsync(me, ExportPassword);
        if (confirmed == Confirmation.Confirmed && await export.BuildAsync(me, ct) is { } document)
        {
            var (content, fileName) = Export.ExportEndpoints.ToFile(document, json.Value.SerializerOptions, time);
            return File(content, "application/json", fileName);
        }

        ModelState.AddModelError(nameof(ExportPassword), confirmed.Message("Your export needs your current password."));
        return await OnGetAsync(saved: false, ct);
    }

    [BindProperty]
    public string? DeletePassword { get; set; }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var confirmed = await leaving.DeleteAccountAsync(DeletePassword, ct);
        if (confirmed == Confirmation.Confirmed)
        {
            await signIn.SignOutAsync();
            return LocalRedirect("/");
        }

        ModelState.AddModelError(nameof(DeletePassword), confirmed.Message("Deleting your account needs your current password."));
        return await OnGetAsync(saved: false, ct);
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
