using Attune.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Home;

internal sealed class IndexModel(CallerScope callers) : PageModel
{
    // Signed in, paired or not, Today is home: its cards say what there is to do.
    public IActionResult OnGet() => callers.Current is null ? Page() : LocalRedirect("/today");
}
