using System.Security.Cryptography;
using System.Text;

namespace Attune.Features.Couples;

/// <summary>
/// Short codes people can read aloud or type from a phone: 8 characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L, U), shown as ABCD-EFGH. 29^8 ≈ 5·10^11 codes, guarded by rate limits.
/// </summary>
internal static class InvitationCode
{
    /// <summary>What the code field accepts as typed: ABCD-EFGH with room for a stray space or two.</summary>
    public const int MaxTypedLength = 12;

    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ2345678";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Invitation.CodeLength);

    public static string Format(string code) =>
        code.Length == Invitation.CodeLength ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>Upper-cases and drops spaces and dashes; returns null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return null;
        }

        var builder = new StringBuilder(Invitation.CodeLength);
        foreach (var c in input.ToUpperInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Invitation.CodeLength ? builder.ToString() : null;
    }
}
