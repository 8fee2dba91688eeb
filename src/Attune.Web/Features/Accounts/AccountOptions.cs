namespace Attune.Features.Accounts;

/// <summary>Attune:Accounts.</summary>
internal sealed class AccountOptions
{
    public const string Section = "Attune:Accounts";

    /// <summary>
    /// New accounts can sign in only after opening the link mailed to their address (ADR 0006). Off: they can sign in
    /// at once and no link is sent; registration still answers the same, but signing in then tells whether an address
    /// was new, so turn it off only where that does not matter (a closed instance, or tests of other things).
    /// </summary>
    public bool RequireConfirmedEmail { get; set; } = true;
}
