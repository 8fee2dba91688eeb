using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Accounts;

internal sealed record MeResponse(Guid Id, string Email, string DisplayName, string TimeZone, Guid? CoupleId, DateTimeOffset? CoupleEndedAt);

internal sealed record UpdateMeRequest(string? DisplayName, string? TimeZone);

/// <summary>Reads and changes the signed-in person's own profile; used by the API and the pages.</summary>
internal sealed class ProfileService(AttuneDbContext db, IStringLocalizer<AccountsText> t)
{
    public Task<MeResponse?> GetAsync(Caller caller, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == caller.UserId)
            .Select(u => new MeResponse(u.Id, u.Email ?? "", u.DisplayName, u.TimeZone, u.CoupleId, u.CoupleEndedAt))
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
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var name = request.DisplayName!.Trim();
        await db.Users.Where(u => u.Id == caller.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name).SetProperty(u => u.TimeZone, request.TimeZone!), ct);
        return (await GetAsync(caller, ct))!;
    }
}
