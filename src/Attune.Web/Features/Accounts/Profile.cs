using Attune.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Accounts;

internal sealed record MeResponse(Guid Id, string Email, string DisplayName, string TimeZone, Guid? CoupleId, DateTimeOffset? CoupleEndedAt);

internal sealed record UpdateMeRequest(string? DisplayName, string? TimeZone);

/// <summary>Reads and changes the signed-in person's own profile; used by the API and the pages.</summary>
internal sealed class ProfileService(AttuneDbContext db)
{
    public Task<MeResponse?> GetAsync(Guid userId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new MeResponse(u.Id, u.Email ?? "", u.DisplayName, u.TimeZone, u.CoupleId, u.CoupleEndedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>Field errors keyed by the JSON property name; empty when the input is valid.</summary>
    public static Dictionary<string, string[]> Validate(string? displayName, string? timeZone)
    {
        var errors = new Dictionary<string, string[]>();
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["displayName"] = ["Please enter the name your partner will see."];
        }
        else if (name.Length > AttuneUser.MaxDisplayNameLength)
        {
            errors["displayName"] = [$"Please keep your name to {AttuneUser.MaxDisplayNameLength} characters or fewer."];
        }
        else if (name.Any(char.IsControl))
        {
            errors["displayName"] = ["Your name cannot contain control characters."];
        }

        if (!TimeZones.IsKnown(timeZone))
        {
            errors["timeZone"] = ["Please choose a time zone from the list, such as Europe/Berlin."];
        }

        return errors;
    }

    public async Task<(MeResponse? Me, Dictionary<string, string[]> Errors)> UpdateAsync(
        Guid userId, UpdateMeRequest request, CancellationToken ct)
    {
        var errors = Validate(request.DisplayName, request.TimeZone);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var name = request.DisplayName!.Trim();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name).SetProperty(u => u.TimeZone, request.TimeZone!), ct);
        return (await GetAsync(userId, ct), errors);
    }
}
