using System.Diagnostics.CodeAnalysis;

namespace Attune.Hosting;

/// <summary>
/// Where Attune may send someone after signing in: one rule for the pages and for the passkey
/// script, which gets the judged address from the page (a data- attribute) and judges nothing itself.
/// </summary>
internal static class LocalUrls
{
    /// <summary>
    /// Url.IsLocalUrl's rule: a path on this site. Never "//host" or "/\host" (browsers read a
    /// backslash as a slash, so both lead to another site), never a control character (browsers drop
    /// tabs and newlines, so "/\t/host" would become "//host"). "~/" is not taken: a script cannot resolve it.
    /// </summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        url is ['/'] || (url is ['/', not ('/' or '\\'), ..] && !url.Any(char.IsControl));

    /// <summary>The address itself when it is local, otherwise the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url : "/";
}
