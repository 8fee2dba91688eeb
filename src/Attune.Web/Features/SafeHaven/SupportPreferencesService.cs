using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.SafeHaven;

internal sealed record SupportPreferencesRequest(IReadOnlyList<string?>? Ways, string? WhatHelps);

internal sealed record SupportPreferencesView(IReadOnlyList<SupportWay> Ways, string? WhatHelps);

/// <summary>
/// The caller's own support preferences (per person: read and written by the caller's user id). The partner
/// reads them only through an open hard-day signal (<see cref="SupportRequestService.ActiveAsync"/>).
/// </summary>
internal sealed class SupportPreferencesService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<SafeHavenText> text)
{
    public const int MaxWhatHelpsLength = 500;
    internal const string Purpose = "support-what-helps";

    public async Task<SupportPreferencesView> GetMineAsync(CancellationToken ct) =>
        await ReadAsync(caller.UserId, ct) ?? new SupportPreferencesView([], null);

    public async Task<Outcome<SupportPreferencesView>> SetMineAsync(SupportPreferencesRequest request, CancellationToken ct)
    {
        var ways = new List<SupportWay>();
        foreach (var name in request.Ways ?? [])
        {
            if (!SupportNames.TryParse<SupportWay>(name, out var way))
            {
                return Invalid("ways", text["error.ways"]);
            }

            if (!ways.Contains(way))
            {
                ways.Add(way);
            }
        }

        var whatHelps = request.WhatHelps?.Trim() ?? "";
        if (whatHelps.Length > MaxWhatHelpsLength)
        {
            return Invalid("whatHelps", text["error.whathelps.long", MaxWhatHelpsLength]);
        }

        var me = caller.UserId;
        var row = await db.Set<SupportPreferences>().FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (row is null)
        {
            row = new SupportPreferences { UserId = me };
            db.Add(row);
        }

        row.Ways = string.Join(',', ways.Order().Select(SupportNames.Name));
        row.WhatHelps = whatHelps.Length == 0 ? null : cipher.Seal(KeyOwner.User(me), whatHelps, Purpose, Row(me));
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (await ReadAsync(me, ct))!;
    }

    /// <summary>
    /// One person's preferences by user id. Only for the caller, or for the partner whose open signal the couple
    /// scope has just shown (<see cref="SupportRequestService"/>): never call it with an id from the request.
    /// </summary>
    internal async Task<SupportPreferencesView?> ReadAsync(Guid userId, CancellationToken ct)
    {
        var row = await db.Set<SupportPreferences>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        return row is null
            ? null
            : new SupportPreferencesView(
                SupportNames.ParseStored(row.Ways),
                row.WhatHelps is null ? null : cipher.Open(KeyOwner.User(userId), row.WhatHelps, Purpose, Row(userId)));
    }

    private Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, text["error.title"], message, new Dictionary<string, string[]> { [field] = [message] });

    internal static string Row(Guid userId) => $"support_preferences/{userId:N}";
}
