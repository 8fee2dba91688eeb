using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

/// <summary>
/// Identity's error descriptions in the request's language. Only the errors a person can meet while
/// registering are reworded; every other one keeps Identity's code and falls back to a general sentence.
/// </summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<AccountsText> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = t["password.short", length] };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = t["email.taken"] };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["email.taken"] };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = t["email.invalid"] };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = t["email.username"] };

    /// <summary>The description of a password longer than <see cref="PasswordRules.MaxLength"/>.</summary>
    public static IdentityError PasswordTooLong(IStringLocalizer<AccountsText> t) => new() { Code = "PasswordTooLong", Description = t["password.long", PasswordRules.MaxLength] };
}
