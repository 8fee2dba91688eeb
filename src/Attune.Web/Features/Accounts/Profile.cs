using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Accounts;

/// <summary>The profile; <c>Language</c> is the saved language ("en", "de"), or null when Attune follows the browser's.</summary>
internal sealed record MeResponse(Guid Id, string Email, string DisplayName, string TimeZone, Guid? CoupleId, DateTimeOffset? CoupleEndedAt, string? Language);

/// <summary>A profile change; <c>Language</c> is "en", "de", or null (or left out) to follow the browser's language.</summary>
internal sealed record UpdateMeRequest(string? DisplayName, string? TimeZone, string? Language = null);

/// <summary>Reads and changes the signed-in person's own profile; used by the API and the pages.</summary>
internal sealed class ProfileService(AttuneDbContext db, IStringLocalizer<AccountsText> t, Sessions.SessionCache sessions)
{
    public Task<MeResponse?> GetAsync(Caller caller, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == caller.UserId)
            .Select(u => new MeResponse(u.Id, u.Email ?? "", u.DisplayName, u.TimeZone, u.CoupleId, u.CoupleEndedAt, u.Language))
            .FirstOrDefaultAsync(ct);

    /// <summary>Field errors keyed by the JSON property name; empty when the input is valid.</summary>
    public static Dictionary<string, string[]> Validate(IStringLocalizer<AccountsText> t, string? displayName, string? timeZone)
    {
        var errors = new Dictionary<string, string[]>();
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["displayName"] = [t["name.required"]];
        }
        else if (name.Length > AttuneUser.MaxDisplayNameLength)
        {
            errors["displayName"] = [t["name.long", AttuneUser.MaxDisplayNameLength]];
        }
        else if (name.Any(char.IsControl))
        {
            errors["displayName"] = [t["name.control"]];
        }

        if (!TimeZones.IsKnown(timeZone))
        {
            errors["timeZone"] = [t["timezone.unknown"]];
        }

        return errors;
    }

    public async Task<Outcome<MeResponse>> UpdateAsync(Caller caller, UpdateMeRequest request, CancellationToken ct)
    {
        var errors = Validate(t, request.DisplayName, request.TimeZone);
        if (!SavedLanguage.TryNormalise(request.Language, out var language))
        {
            errors["language"] = [t["language.unknown", string.Join(", ", Localization.SupportedCultures)]];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var name = request.DisplayName!.Trim();
        await db.Users.Where(u => u.Id == caller.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name).SetProperty(u => u.TimeZone, request.TimeZone!)
                .SetProperty(u => u.Language, language), ct);
        // The saved language travels with the cached session check: the next request must read it afresh.
        sessions.Forget(caller.UserId);
        return (await GetAsync(caller, ct))!;
    }
}
