using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.GoodNews;

internal sealed record GoodNewsRequest(string? Text);

internal sealed record GoodNewsView(Guid Id, string Text, DateTimeOffset CreatedAt, bool FromMe, string? Reply, DateTimeOffset? RepliedAt);

/// <summary>A page of the couple's good news, newest first; <c>NextBefore</c> (an id) asks for the next page.</summary>
internal sealed record GoodNewsList(IReadOnlyList<GoodNewsView> Items, Guid? NextBefore);

/// <summary>Good news shared and answered: one partner shares, the other replies (helped by a short guide).</summary>
internal sealed class GoodNewsService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<GoodNewsText> text)
{
    public const int MaxLength = 1000;
    public const int MaxReplyLength = 1000;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    internal const string Purpose = "good-news";
    internal const string ReplyPurpose = "good-news-reply";

    public async Task<Outcome<GoodNewsView>> ShareAsync(string? value, CancellationToken ct)
    {
        if (Validate("text", "news", value, MaxLength, out var trimmed) is { } failure)
        {
            return failure;
        }

        var coupleId = caller.Couple;
        var latest = await db.Set<GoodNewsItem>().MaxAsync(g => (DateTimeOffset?)g.CreatedAt, ct);
        var now = time.GetUtcNow();
        var item = new GoodNewsItem
        {
            CoupleId = coupleId,
            Id = Guid.NewGuid(),
            AuthorId = caller.UserId,
            CreatedAt = latest >= now ? latest.Value.AddMilliseconds(1) : now,
        };
        item.Text = cipher.Seal(KeyOwner.Couple(coupleId), trimmed, Purpose, Row(item));
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return View(item);
    }

    public async Task<Outcome<GoodNewsView>> ReplyAsync(Guid id, string? value, CancellationToken ct)
    {
        if (Validate("text", "reply", value, MaxReplyLength, out var trimmed) is { } failure)
        {
            return failure;
        }

        var item = await db.Set<GoodNewsItem>().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (item is null)
        {
            return Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);
        }

        if (item.AuthorId == caller.UserId)
        {
            return Failure.Conflict(text["error.own.title"], text["error.own"]);
        }

        item.Reply = cipher.Seal(KeyOwner.Couple(item.CoupleId), trimmed, ReplyPurpose, Row(item));
        item.RepliedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return View(item);
    }

    public async Task<Outcome<GoodNewsList>> ListAsync(int? limit, Guid? before, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Invalid("limit", text["error.limit", MaxLimit]);
        }

        var query = db.Set<GoodNewsItem>().AsNoTracking();
        if (before is { } id)
        {
            var cursor = await db.Set<GoodNewsItem>().Where(g => g.Id == id).Select(g => (DateTimeOffset?)g.CreatedAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } at)
            {
                return Invalid("before", text["error.before"]);
            }

            query = query.Where(g => g.CreatedAt < at);
        }

        var take = limit ?? DefaultLimit;
        var rows = await query.OrderByDescending(g => g.CreatedAt).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(View).ToList();
        return new GoodNewsList(items, rows.Count > take ? items[^1].Id : null);
    }

    /// <summary>The partner's good news the caller has not answered yet, newest first (Today's card).</summary>
    public async Task<IReadOnlyList<GoodNewsView>> WaitingForMeAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var rows = await db.Set<GoodNewsItem>().AsNoTracking().Where(g => g.AuthorId != me && g.RepliedAt == null)
            .OrderByDescending(g => g.CreatedAt).Take(5).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    private GoodNewsView View(GoodNewsItem g) => new(
        g.Id,
        cipher.Open(KeyOwner.Couple(g.CoupleId), g.Text, Purpose, Row(g)),
        g.CreatedAt,
        g.AuthorId == caller.UserId,
        g.Reply is null ? null : cipher.Open(KeyOwner.Couple(g.CoupleId), g.Reply, ReplyPurpose, Row(g)),
        g.RepliedAt);

    private Failure? Validate(string field, string key, string? value, int max, out string trimmed)
    {
        trimmed = value?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => Invalid(field, text[$"error.{key}.empty"]),
            _ when trimmed.Length > max => Invalid(field, text[$"error.{key}.long", max]),
            _ => null,
        };
    }

    private Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, text["error.title"], message, new Dictionary<string, string[]> { [field] = [message] });

    internal static string Row(GoodNewsItem g) => $"good_news/{g.CoupleId:N}/{g.Id:N}";
}
