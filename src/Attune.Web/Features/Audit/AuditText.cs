using System.Text.Json;

namespace Attune.Features.Audit;

/// <summary>The words of the Audit feature (<c>AuditText.resx</c>, <c>AuditText.de.resx</c>): how each security event reads.</summary>
internal sealed class AuditText;

/// <summary>How each security event reads on the Security page, in the request's language.</summary>
internal static class AuditKinds
{
    /// <summary>The key is <c>event.</c> and the kind in kebab case (<c>event.signed-in</c>); a new kind needs its text in both languages.</summary>
    public static string Describe(AuditKind kind, IStringLocalizer<AuditText> t) =>
        t["event." + JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString())];
}
