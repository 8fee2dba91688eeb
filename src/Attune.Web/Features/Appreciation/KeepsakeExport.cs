using Attune.Data;
using Attune.Encryption;
using Attune.Features.GoodNews;
using Attune.Features.SafeHaven;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Appreciation;

internal sealed record ExportedAppreciation(string Text, DateTimeOffset CreatedAt);

internal sealed record ExportedGoodNews(string Text, DateTimeOffset CreatedAt);

internal sealed record ExportedGoodNewsReply(string Text, DateTimeOffset RepliedAt);

internal sealed record ExportedSupportPreferences(IReadOnlyList<SupportWay> Ways, string? WhatHelps);

/// <summary>What I wrote in the appreciation jar, good news and the safe haven, for my export.</summary>
internal sealed record ExportedKeepsakes(
    IReadOnlyList<ExportedAppreciation> AppreciationsIWrote,
    IReadOnlyList<ExportedGoodNews> GoodNewsIShared,
    IReadOnlyList<ExportedGoodNewsReply> GoodNewsRepliesIWrote,
    ExportedSupportPreferences? SupportPreferences);

/// <summary>
/// The export's part for these features. Like the rest of the export it reads by author across couples (only
/// rows I wrote; these tables are emptied when a couple ends, so in practice the current couple). Hard-day
/// notes and answers to them are short-lived and not kept in the export.
/// </summary>
internal static class KeepsakeExport
{
    public static async Task<ExportedKeepsakes> BuildAsync(AttuneDbContext db, FieldCipher cipher, Guid me, CancellationToken ct)
    {
        var appreciations = await db.Set<AppreciationNote>().IgnoreQueryFilters().AsNoTracking().Where(a => a.AuthorId == me)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var shared = await db.Set<GoodNewsItem>().IgnoreQueryFilters().AsNoTracking().Where(g => g.AuthorId == me)
            .OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var replied = await db.Set<GoodNewsItem>().IgnoreQueryFilters().AsNoTracking().Where(g => g.AuthorId != me && g.Reply != null
            && db.Users.Any(u => u.Id == me && u.CoupleId == g.CoupleId)).OrderBy(g => g.RepliedAt).ToListAsync(ct);
        var preferences = await db.Set<SupportPreferences>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct);
        return new ExportedKeepsakes(
            [.. appreciations.Select(a => new ExportedAppreciation(
                cipher.Open(KeyOwner.Couple(a.CoupleId), a.Text, AppreciationService.Purpose, AppreciationService.Row(a)), a.CreatedAt))],
            [.. shared.Select(g => new ExportedGoodNews(cipher.Open(KeyOwner.Couple(g.CoupleId), g.Text, GoodNewsService.Purpose, GoodNewsService.Row(g)), g.CreatedAt))],
            [.. replied.Select(g => new ExportedGoodNewsReply(
                cipher.Open(KeyOwner.Couple(g.CoupleId), g.Reply!, GoodNewsService.ReplyPurpose, GoodNewsService.Row(g)), g.RepliedAt!.Value))],
            preferences is null ? null : new ExportedSupportPreferences(
                SupportNames.ParseStored(preferences.Ways),
                preferences.WhatHelps is null ? null : cipher.Open(KeyOwner.User(me), preferences.WhatHelps, SupportPreferencesService.Purpose, SupportPreferencesService.Row(me))));
    }
}
