using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Letters;

/// <summary>The read-aloud view: one letter in large text, once it is open (or for its writer).</summary>
internal sealed class ReadModel(LetterService letters) : PageModel
{
    public LetterView? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } letterId || (await letters.GetAsync(letterId, ct)).Value is not { } letter)
        {
            return Redirect("/letters");
        }

        if (letter.Text is null)
        {
            return Redirect("/letters"); // not open yet: the list says when it opens
        }

        // A timed letter whose time has come counts as opened once its recipient reads it (the Today card goes).
        if (letter is { FromMe: false, Together: false })
        {
            await letters.OpenAsync(letterId, ct);
        }

        Letter = letter;
        return Page();
    }
}
