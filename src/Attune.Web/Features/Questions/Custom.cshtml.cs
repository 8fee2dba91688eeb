using Attune.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

internal sealed class CustomModel(CustomQuestionService custom, CurrentCouple current) : PageModel
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
        if (!current.IsInCouple)
        {
            return LocalRedirect("/");
        }

        var errors = CustomQuestionService.Validate(new CustomQuestionRequest(Text, Category, Depth), out var text, out var category);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], messages[0]);
        }

        if (errors.Count > 0)
        {
            return await LoadAsync(ct);
        }

        await custom.AddAsync(text, category, Depth!.Value, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (current.IsInCouple)
        {
            await custom.RemoveAsync(id, ct);
        }

        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (!current.IsInCouple)
        {
            return LocalRedirect("/");
        }

        Questions = await custom.ListAsync(ct);
        return Page();
    }
}
