using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Attune.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Calendar;

/// <summary>
/// What the API and the page say about the caller's link. <see cref="Url"/> is there only in the answer that
/// made the link: Attune keeps just the token's hash, so it cannot show the link again (docs/decisions/0009).
/// </summary>
internal sealed record CalendarLinkView(bool Active, DateTimeOffset? CreatedAt, string? Url);

/// <summary>The caller's own calendar link: read, make (or replace), revoke. Never anyone else's.</summary>
internal sealed class CalendarLinks(AttuneDbContext db, Caller caller, TimeProvider time)
{
    /// <summary>Random bytes in a token: 256 bits, 43 characters of base64url.</summary>
    public const int TokenBytes = 32;

    public async Task<CalendarLinkView> GetAsync(CancellationToken ct)
    {
        var createdAt = await db.Set<CalendarLink>().AsNoTracking()
            .Where(l => l.UserId == caller.UserId).Select(l => (DateTimeOffset?)l.CreatedAt).SingleOrDefaultAsync(ct);
        return new(createdAt is not null, createdAt, null);
    }

    /// <summary>Makes a new token (the old one, if any, stops working in the same write) and returns its link once.</summary>
    public async Task<CalendarLinkView> RegenerateAsync(Uri publicBase, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow();
        var link = await db.Set<CalendarLink>().SingleOrDefaultAsync(l => l.UserId == caller.UserId, ct);
        if (link is null)
        {
            db.Add(new CalendarLink { UserId = caller.UserId, TokenHash = Hash(token), CreatedAt = now });
        }
        else
        {
            link.TokenHash = Hash(token);
            link.CreatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return new(true, now, new Uri(publicBase, $"calendar/{token}.ics").AbsoluteUri);
    }

    public async Task RevokeAsync(CancellationToken ct) =>
        await db.Set<CalendarLink>().Where(l => l.UserId == caller.UserId).ExecuteDeleteAsync(ct);

    /// <summary>The stored form of a token. A token that is not base64url of the right length still gets hashed (and finds nothing).</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
