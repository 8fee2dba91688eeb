using Attune.Data;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

/// <summary>Length is the only rule (NIST SP 800-63B): 8 to 128 characters, no composition rules.</summary>
internal static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512.</summary>
    public const int Pbkdf2Iterations = 210_000;

    /// <summary>Wrong passwords in a row before sign-in (or one device's password checks) pause.</summary>
    public const int LockoutAttempts = 5;

    /// <summary>How long that pause lasts; the pages say it in words.</summary>
    public const int LockoutMinutes = 15;

    /// <summary>Which registration field an Identity error is about: the password, or else the e-mail.</summary>
    public static bool IsAbout(IdentityError error) => error.Code.StartsWith("Password", StringComparison.Ordinal);

    public static void Apply(IdentityOptions options)
    {
        options.Password.RequiredLength = MinLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.User.RequireUniqueEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = LockoutAttempts;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
    }
}

internal sealed class MaxLengthPasswordValidator(IStringLocalizer<AccountsText> t) : IPasswordValidator<AttuneUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AttuneUser> manager, AttuneUser user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaxLength }
            ? IdentityResult.Failed(LocalizedIdentityErrors.PasswordTooLong(t))
            : IdentityResult.Success);
}
