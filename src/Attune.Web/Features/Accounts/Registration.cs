using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Attune.Data;
using Attune.Features.Mail;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attune.Features.Accounts;

/// <summary>What someone typed to register (the page adds a name and a time zone; the API sends only the first two).</summary>
internal sealed record NewAccount(string? Email, string? Password, string? DisplayName = null, string? TimeZone = null);

/// <summary>
/// Registration that does not tell whether an address has an account (ADR 0006). The input is checked first, by
/// rules that do not depend on the address being known; then a new address gets an account that can sign in once
/// the link mailed to it is opened, and a known address gets a note to its owner (at most one an hour) and no
/// change at all. Both cost one password hash, and both answer "check your mail".
/// </summary>
internal sealed class Registration(
    UserManager<AttuneUser> users, AttuneDbContext db, MailOutbox outbox, IStringLocalizer<AccountsText> t,
    IOptions<AccountOptions> options, TimeProvider time, NobodysHash nobodys)
{
    /// <summary>At most one note per address this often: registering cannot be used to flood an owner's mailbox.</summary>
    public static readonly TimeSpan NoteEvery = TimeSpan.FromHours(1);

    /// <summary>A new link is sent at most this often for one account (asked for again, or by signing in unconfirmed).</summary>
    public static readonly TimeSpan LinkEvery = TimeSpan.FromMinutes(5);

    /// <summary>The new account when one was made (only the page, with confirmation turned off, uses it); null otherwise.</summary>
    public async Task<Outcome<AttuneUser?>> RegisterAsync(NewAccount input, Uri site, string? returnUrl, CancellationToken ct)
    {
        if (CheckEmail(input.Email) is { } invalid)
        {
            return invalid;
        }

        if (await CheckPasswordAsync(input.Password) is { } weak)
        {
            return weak;
        }

        var email = input.Email!.Trim();
        if (await users.FindByNameAsync(email) is { } owner)
        {
            // As long as a new account takes (one hash), and nothing about the account changes.
            SameAnswer.SpendHash(users, nobodys, owner, input.Password!);
            await NoteToOwnerAsync(owner, site, ct);
            return (AttuneUser?)null;
        }

        var user = new AttuneUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName?.Trim() ?? "",
            TimeZone = input.TimeZone ?? TimeZones.Default,
            EmailConfirmed = !options.Value.RequireConfirmedEmail,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            // Registered by someone else a moment ago: the same answer as for any known address.
            return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
                ? (AttuneUser?)null
                : Failure.Invalid(created.Errors.GroupBy(e => PasswordRules.IsAbout(e) ? "password" : "email")
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        if (options.Value.RequireConfirmedEmail)
        {
            await SendLinkAsync(user, CultureInfo.CurrentUICulture, site, returnUrl, ct);
        }

        return user;
    }

    /// <summary>Sends a new link if the address has an account that still waits for one; answers the same for any address.</summary>
    public async Task<Outcome> SendLinkAgainAsync(string? email, Uri site, CancellationToken ct)
    {
        if (CheckEmail(email) is { } invalid)
        {
            return invalid;
        }

        if (await users.FindByNameAsync(email!.Trim()) is { EmailConfirmed: false } user)
        {
            await SendLinkAgainAsync(user, site, ct);
        }

        return Outcome.Done;
    }

    /// <summary>For a right password on an unconfirmed account (sign-in), and for the form that asks again.</summary>
    public async Task SendLinkAgainAsync(AttuneUser user, Uri site, CancellationToken ct)
    {
        if (!await SentLatelyAsync(user.Id, AccountMails.ConfirmPurpose, LinkEvery, ct))
        {
            await SendLinkAsync(user, CultureInfo.CurrentUICulture, site, returnUrl: null, ct);
        }
    }

    /// <summary>Confirms the address once; a used, expired, altered or unknown link gets one kind answer.</summary>
    public async Task<Outcome<AttuneUser>> ConfirmAsync(Guid userId, string? token, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.EmailConfirmed || string.IsNullOrEmpty(token)
            || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return Failure.NotFound(t["address.link.title"], t["address.link.detail", (int)ConfirmationTokens.Lifespan.TotalDays]);
        }

        return user;
    }

    /// <summary>Whether a link (GET of the page) would work, without using it.</summary>
    public async Task<bool> LinkWorksAsync(Guid userId, string? token) =>
        !string.IsNullOrEmpty(token)
        && await users.FindByIdAsync(userId.ToString()) is { EmailConfirmed: false } user
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<AttuneUser>.ConfirmEmailTokenPurpose, token);

    private Failure? CheckEmail(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 256 || !new EmailAddressAttribute().IsValid(trimmed)
            ? Failure.Field("email", t["email.invalid"])
            : null;
    }

    /// <summary>Identity's password rules, which look only at the password, before the address is looked up.</summary>
    private async Task<Failure?> CheckPasswordAsync(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Failure.Field("password", t["password.choose"]);
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AttuneUser(), password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors.Count > 0 ? Failure.Invalid(new Dictionary<string, string[]> { ["password"] = [.. errors] }) : null;
    }

    private async Task SendLinkAsync(AttuneUser user, CultureInfo culture, Uri site, string? returnUrl, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var back = LocalUrls.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : "";
        var link = new Uri(site, $"confirm/{user.Id}/{token}{back}");
        outbox.Enqueue(db, AccountMails.Confirm(t, culture, user.Id, user.Email!, link));
        await db.SaveChangesAsync(ct);
    }

    private async Task NoteToOwnerAsync(AttuneUser owner, Uri site, CancellationToken ct)
    {
        if (await SentLatelyAsync(owner.Id, AccountMails.NotePurpose, NoteEvery, ct))
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(owner.Language ?? Localization.DefaultCulture);
        outbox.Enqueue(db, AccountMails.Note(t, culture, owner.Id, owner.Email!, site));
        await db.SaveChangesAsync(ct);
    }

    private Task<bool> SentLatelyAsync(Guid userId, string purpose, TimeSpan within, CancellationToken ct)
    {
        var since = time.GetUtcNow() - within;
        return db.Set<OutgoingMail>().AnyAsync(m => m.UserId == userId && m.Purpose == purpose && m.CreatedAt > since, ct);
    }
}
