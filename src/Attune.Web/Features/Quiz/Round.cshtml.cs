using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Quiz;

internal sealed class QuizEntryInput
{
    public string? QuestionId { get; set; }

    public string? Text { get; set; }
}

internal sealed class QuizMarkInput
{
    public string? QuestionId { get; set; }

    public QuizMark? Mark { get; set; }
}

/// <summary>One round: answer or guess while it is the caller's turn, wait, then the comparison side by side (the guesser marks).</summary>
internal sealed class RoundModel(QuizService quiz) : PageModel
{
    [BindProperty]
    public List<QuizEntryInput> Items { get; set; } = [];

    [BindProperty]
    public List<QuizMarkInput> Marks { get; set; } = [];

    public QuizRoundView? Round { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Redirect("/quiz");
        }

        Items = [.. Round!.Items.Select(i => new QuizEntryInput { QuestionId = i.QuestionId })];
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } roundId)
        {
            return Redirect("/quiz");
        }

        var sent = await quiz.SubmitAsync(roundId, new QuizSubmitRequest([.. Items.Select(i => new QuizEntry(i.QuestionId, i.Text))]), ct);
        if (sent.Succeeded)
        {
            return Redirect($"/quiz/round/{roundId}");
        }

        ModelState.AddFailure(sent.Failure!);
        return await LoadAsync(id, ct) ? Page() : Redirect("/quiz");
    }

    public async Task<IActionResult> OnPostMarkAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } roundId)
        {
            return Redirect("/quiz");
        }

        var marked = await quiz.MarkAsync(roundId, new QuizMarksRequest([.. Marks.Where(m => m.Mark is not null).Select(m => new QuizMarkEntry(m.QuestionId, m.Mark))]), ct);
        if (marked.Succeeded)
        {
            return Redirect($"/quiz/round/{roundId}#score");
        }

        ModelState.AddFailure(marked.Failure!);
        return await LoadAsync(id, ct) ? Page() : Redirect("/quiz");
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        Round = id is { } roundId ? (await quiz.GetAsync(roundId, ct)).Value : null;
        return Round is not null;
    }
}
