using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Coach;

/// <summary>"Say it gently": the coach on a page. Works on submit without JavaScript; gentle-coach.js updates it while typing.</summary>
internal sealed class GentleModel(GentleCoach coach) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public CoachResponse? Result { get; private set; }

    public IActionResult OnPost()
    {
        var checkedText = coach.Check(Text);
        if (checkedText.Succeeded)
        {
            Result = checkedText.Value;
        }
        else
        {
            ModelState.AddFailure(checkedText.Failure!);
        }

        return Page();
    }

    /// <summary>The text cut into plain and flagged pieces for the preview (overlapping findings merge into one mark).</summary>
    public static List<(string Text, bool Flagged)> Pieces(string text, IEnumerable<FindingView> findings)
    {
        var pieces = new List<(string, bool)>();
        var at = 0;
        foreach (var f in findings.OrderBy(f => f.Start))
        {
            var start = Math.Max(f.Start, at);
            var end = f.Start + f.Length;
            if (end <= at)
            {
                continue;
            }

            if (start > at) pieces.Add((text[at..start], false));
            pieces.Add((text[start..end], true));
            at = end;
        }

        if (at < text.Length) pieces.Add((text[at..], false));
        return pieces;
    }
}
