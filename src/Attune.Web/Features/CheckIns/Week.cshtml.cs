using Attune.Features.Coach;
using Attune.Features.Couples;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.CheckIns;

/// <summary>The form a partner fills for this week (the same fields as <see cref="CheckInRequest"/>).</summary>
internal sealed class CheckInForm
{
    public DateOnly? Week { get; set; }

    public int? Trust { get; set; }

    public int? Communication { get; set; }

    public int? Vulnerability { get; set; }

    public int? Empathy { get; set; }

    public int? Support { get; set; }

    public int? Togetherness { get; set; }

    public int? FeltAlone { get; set; }

    public int? Closeness { get; set; }

    public List<string?> Appreciations { get; set; } = [];

    public string? WentWell { get; set; }

    public string? Concern { get; set; }

    public string? Wish { get; set; }

    public CheckInRequest ToRequest() => new(Week, Trust, Communication, Vulnerability, Empathy, Support, Togetherness,
        FeltAlone, Closeness, Appreciations, WentWell, Concern, Wish);

    public static CheckInForm From(DateOnly week, CheckInAnswers? a) => a is null ? new CheckInForm { Week = week } : new CheckInForm
    {
        Week = week, Trust = a.Trust, Communication = a.Communication, Vulnerability = a.Vulnerability, Empathy = a.Empathy,
        Support = a.Support, Togetherness = a.Togetherness, FeltAlone = a.FeltAlone, Closeness = a.Closeness,
        Appreciations = [.. a.Appreciations], WentWell = a.WentWell, Concern = a.Concern, Wish = a.Wish,
    };

    public int? Rating(string dimension) => dimension switch
    {
        "trust" => Trust,
        "communication" => Communication,
        "vulnerability" => Vulnerability,
        "empathy" => Empathy,
        "support" => Support,
        _ => Togetherness,
    };
}

internal sealed class WeekModel(CheckInService checkIns, CoupleService couples, GentleCoach coach) : PageModel
{
    /// <summary>The gentle start-up coach's notes on the concern, after "Check it gently" (help only; it never blocks).</summary>
    public CoachResponse? ConcernNotes { get; private set; }

    public CheckInWeekView View { get; private set; } = null!;

    public string PartnerName { get; private set; } = "";

    public bool Saved { get; private set; }

    [BindProperty]
    public CheckInForm Input { get; set; } = new();

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = CheckInForm.From(View.Week, View.Mine);
        Saved = saved && View.Mine?.SubmittedAt is null;
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    /// <summary>Keeps what was typed as a draft, then shows the coach's notes beside the concern.</summary>
    public async Task<IActionResult> OnPostCoachAsync(CancellationToken ct)
    {
        var saved = await checkIns.SaveAsync(Input.ToRequest(), submit: false, ct);
        if (!saved.Succeeded)
        {
            ModelState.AddFailure(saved.Failure!, nameof(Input));
        }

        ConcernNotes = string.IsNullOrWhiteSpace(Input.Concern) ? null
            : coach.Check(Input.Concern) is { Succeeded: true } checkedConcern ? checkedConcern.Value : null;
        Saved = saved.Succeeded;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDayAsync(string? day, CancellationToken ct)
    {
        var set = await checkIns.SetDayAsync(day, ct);
        if (set.Succeeded)
        {
            return LocalRedirect("/check-in/week");
        }

        ModelState.AddFailure(set.Failure!);
        await LoadAsync(ct);
        Input = CheckInForm.From(View.Week, View.Mine);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        var saved = await checkIns.SaveAsync(Input.ToRequest(), submit, ct);
        if (saved.Succeeded)
        {
            return LocalRedirect(submit ? "/check-in/week" : "/check-in/week?saved=true");
        }

        ModelState.AddFailure(saved.Failure!, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await checkIns.GetCurrentAsync(ct);
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
    }
}
