namespace Attune.Features.Shell;

/// <summary>What a browser kept for Attune, and when to tell it to forget.</summary>
internal static class BrowserData
{
    /// <summary>
    /// On signing out (and deleting the account): the browser drops its HTTP cache and everything
    /// stored for this origin, the service worker and its cache included. Cookies are not named: the
    /// sign-out itself removes the sign-in cookie, and the antiforgery cookie must survive for the next form.
    /// </summary>
    public const string ClearOnSignOut = "\"cache\", \"storage\"";

    public static void ForgetOnSignOut(HttpResponse response) => response.Headers["Clear-Site-Data"] = ClearOnSignOut;
}
