using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

internal sealed class CustomModel(CustomQuestionService custom) : PageModel
{
    public List<CustomQuestionView> Questions { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Category { get; set; } = QuestionCategories.Name(QuestionCategory.Relationship);

    [BindProperty]
    public int? Depth { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var added = await custom.AddAsync(new CustomQuestionRequest(Text, Category, Depth), ct);
        if (added.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddFailure(added.Failure!);
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await custom.RemoveAsync(id, ct);
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Questions = await custom.ListAsync(ct);
        return Page();
    }
}
