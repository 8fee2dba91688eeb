using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Personal;

/// <summary>Time for me under Me: my goals and habits (log, share, remove), the month's balance, and what my partner shares.</summary>
[StatementBudget(12, "My goals, their logs and shares, then the month's balance: my logs, the couple and its zone, finished ritual sessions and check-in weeks (measured 12).")]
internal sealed class TimeModel(PersonalService personal, PersonalBalance balance, Caller caller) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public PersonalKind? Kind { get; set; } = PersonalKind.Habit;

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public int? Minutes { get; set; }

    /// <summary>The goal whose log form was sent, so its errors show beside it.</summary>
    public Guid? LogFor { get; private set; }

    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    public IReadOnlyList<SharedGoalView> Partner { get; private set; } = [];

    public BalanceView Balance { get; private set; } = new("", 0, 0, 0, 0, "", null);

    public DateOnly Today { get; private set; }

    public bool InCouple => caller.IsInCouple;

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        var outcome = await balance.MonthAsync(month, ct);
        if (!outcome.Succeeded)
        {
            return Redirect("/me/time");
        }

        await LoadAsync(outcome.Value!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var added = await personal.CreateAsync(new GoalRequest(Title, Kind), ct);
        return added.Succeeded ? Redirect($"/me/time#g-{added.Value!.Id:N}") : await RefuseAsync(added.Failure!, ct);
    }

    public async Task<IActionResult> OnPostDidAsync(Guid id, CancellationToken ct) => await AfterAsync(id, await personal.LogAsync(id, new LogRequest(null, null), ct), ct);

    public async Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct) => await AfterAsync(id, await personal.LogAsync(id, new LogRequest(Date, Minutes), ct), ct);

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct) => await AfterAsync(id, await personal.ShareAsync(id, ct), ct);

    public async Task<IActionResult> OnPostUnshareAsync(Guid id, CancellationToken ct)
    {
        await personal.UnshareAsync(id, ct);
        return Redirect($"/me/time#g-{id:N}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await personal.DeleteAsync(id, ct);
        return Redirect("/me/time");
    }

    private async Task<IActionResult> AfterAsync(Guid id, Outcome<GoalView> outcome, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            return Redirect($"/me/time#g-{id:N}");
        }

        LogFor = id;
        return await RefuseAsync(outcome.Failure!, ct);
    }

    private async Task<IActionResult> RefuseAsync(Failure failure, CancellationToken ct)
    {
        ModelState.AddFailure(failure);
        await LoadAsync((await balance.MonthAsync(null, ct)).Value!, ct);
        return Page();
    }

    private async Task LoadAsync(BalanceView month, CancellationToken ct)
    {
        Balance = month;
        Today = await personal.TodayAsync(ct);
        Goals = await personal.ListAsync(ct);
        Partner = await personal.PartnerSharesAsync(ct);
    }
}
