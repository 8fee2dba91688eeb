using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Activities;

/// <summary>
/// Something new together, under Together: today's suggestions ("show me another" is a link), the family filter,
/// the couple's "to try together" list (plan a date, mark done with a memory, remove), an own idea, and the library.
/// </summary>
internal sealed class ActivitiesModel(ActivityService activities, PlanService plans) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Family { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Another { get; set; }

    /// <summary>The own idea being added, kept when it is refused.</summary>
    [BindProperty]
    public string? Title { get; set; }

    public SuggestionsView Suggestions { get; private set; } = new(default, null, 0, []);

    public LibraryView Library { get; private set; } = new(null, [], []);

    public PlanList List { get; private set; } = new([], "Etc/UTC", default);

    /// <summary>The list item whose form was refused, so its errors show beside it and its inputs keep what was typed.</summary>
    public Guid? Failed { get; private set; }

    public string? Date { get; private set; }

    public string? Time { get; private set; }

    public string? Memory { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A button of an idea (suggested or in the library): "add:{key}", or "{mark}:{key}".</summary>
    public async Task<IActionResult> OnPostPickAsync(string? pick, CancellationToken ct)
    {
        var (action, key) = pick?.Split(':', 2) is [var a, var k] ? (a, k) : ("", "");
        if (action == "add")
        {
            var added = await plans.AddAsync(new PlanRequest(key, null), ct);
            if (added.Succeeded)
            {
                return Redirect($"/activities#p-{added.Value!.Id:N}");
            }

            return await RefusedAsync(added.Failure!, null, ct);
        }

        var marked = await activities.MarkAsync(key, action, ct);
        return marked.Succeeded ? Back() : await RefusedAsync(marked.Failure!, null, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var added = await plans.AddAsync(new PlanRequest(null, Title), ct);
        return added.Succeeded ? Redirect($"/activities#p-{added.Value!.Id:N}") : await RefusedAsync(added.Failure!, null, ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, string? date, string? time, CancellationToken ct)
    {
        var planned = await plans.ScheduleAsync(id, new ScheduleRequest(date, time), ct);
        (Date, Time) = (date, time);
        return planned.Succeeded ? Redirect($"/activities#p-{id:N}") : await RefusedAsync(planned.Failure!, id, ct);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, string? memory, CancellationToken ct)
    {
        var done = await plans.DoneAsync(id, memory, ct);
        Memory = memory;
        return done.Succeeded ? Redirect($"/memories#m-{id:N}") : await RefusedAsync(done.Failure!, id, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await plans.RemoveAsync(id, ct);
        return Redirect("/activities#list-heading");
    }

    private RedirectResult Back() => Redirect($"/activities?{(Family is null ? "" : $"family={Uri.EscapeDataString(Family)}&")}another={Another}");

    private async Task<IActionResult> RefusedAsync(Failure failure, Guid? id, CancellationToken ct)
    {
        ModelState.AddFailure(failure);
        Failed = id;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var suggestions = await activities.SuggestionsAsync(Family, Another, ct);
        if (!suggestions.Succeeded)
        {
            (Family, Another) = (null, 0);
            suggestions = await activities.SuggestionsAsync(null, 0, ct);
        }

        Suggestions = suggestions.Value!;
        Library = (await activities.LibraryAsync(Family, ct)).Value!;
        List = await plans.ListAsync(ct);
    }
}
