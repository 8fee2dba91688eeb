using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attune.Features.Calendar;
using Attune.Tests.Fixtures;
using Ical.Net.DataTypes;

namespace Attune.Tests.Api;

public sealed record CalendarLinkDto(bool Active, DateTimeOffset? CreatedAt, string? Url);

/// <summary>
/// The calendar feed through real HTTP, on SQLite and PostgreSQL: valid iCalendar (read by Ical.Net and by Python's
/// icalendar with dateutil, an independent parser), weekly rituals staying at 19:00 local across the change to summer
/// time, titles only (canaries in a custom ritual, a letter and a check-in never appear), the owner's saved language,
/// regeneration and revocation, and the token never in the app's logs.
/// </summary>
public abstract class CalendarApiTests(AttuneApp app)
{
    [Fact]
    public async Task Each_partners_feed_is_valid_iCalendar_with_rituals_the_check_in_day_and_letters_and_nothing_they_wrote()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        await ana.Api.PostAsJsonAsync("/api/v1/rituals", new { template = "walk-and-talk", days = new List<string> { "sunday" }, time = "19:00", durationMinutes = 30 });
        await ben.Api.PostAsJsonAsync("/api/v1/rituals", new { title = canary + " ritual", days = new List<string> { "wednesday" }, time = "07:15", durationMinutes = 20 });
        var opensAt = AttuneApp.Start.AddDays(10);
        Assert.Equal(HttpStatusCode.Created, (await ana.Api.PostAsJsonAsync("/api/v1/letters", new { text = canary + " letter", opensAt })).StatusCode);
        await ben.SubmitCheckInAsync(CheckInClient.Full(concern: canary + " concern", appreciation: canary + " thanks"));
        Assert.Equal(HttpStatusCode.OK, (await ben.Api.PutAsJsonAsync("/api/v1/me", new { displayName = ben.DisplayName, timeZone = "Europe/Berlin", language = "de" })).StatusCode);

        Assert.Equal(new CalendarLinkDto(false, null, null), await ana.Api.GetFromJsonAsync<CalendarLinkDto>("/api/v1/calendar"));
        var anaFeed = await FeedAsync(await MakeLinkAsync(ana));
        var benFeed = await FeedAsync(await MakeLinkAsync(ben));
        var status = (await ana.Api.GetFromJsonAsync<CalendarLinkDto>("/api/v1/calendar"))!;
        Assert.Equal((true, AttuneApp.Start, (string?)null), (status.Active, status.CreatedAt, status.Url));

        foreach (var feed in new[] { anaFeed, benFeed })
        {
            Assert.DoesNotContain(canary, feed, StringComparison.Ordinal);
            Assert.DoesNotContain(ana.DisplayName, feed, StringComparison.Ordinal);
            Assert.DoesNotContain(ben.DisplayName, feed, StringComparison.Ordinal);
            Assert.Contains("TZID:Europe/Berlin", feed, StringComparison.Ordinal);
            StrictLines(feed);
        }

        Assert.Equal(["A love letter opens", "A ritual of ours", "Our weekly check-in", "Walk and talk"], Summaries(anaFeed));
        Assert.Equal(["Ein Liebesbrief geht auf", "Ein Ritual von uns", "Spazieren und reden", "Unser wöchentlicher Check-in"], Summaries(benFeed));

        // Ical.Net: the Sunday walk stays at 19:00 in Berlin across the last Sunday of March; UTC moves by an hour.
        var calendar = Ical.Net.Calendar.Load(anaFeed)!;
        var walk = calendar.Events.Single(e => e.Summary == "Walk and talk");
        Assert.Equal("-PT15M", walk.Alarms.Single().Trigger!.Duration!.Value.ToString());
        var from = new CalDateTime(new DateTime(2027, 3, 20, 0, 0, 0, DateTimeKind.Utc), "UTC", true);
        var sundays = walk.GetOccurrences(from, null).Take(2).Select(o => o.Period.StartTime).ToList();
        Assert.Equal([new DateTime(2027, 3, 21, 19, 0, 0), new DateTime(2027, 3, 28, 19, 0, 0)], sundays.Select(s => s.Value));
        Assert.Equal([new DateTime(2027, 3, 21, 18, 0, 0), new DateTime(2027, 3, 28, 17, 0, 0)], sundays.Select(s => s.AsUtc));
        var letter = calendar.Events.Single(e => e.Summary == "A love letter opens");
        Assert.Equal(opensAt.UtcDateTime, letter.DtStart!.AsUtc);
        Assert.True(calendar.Events.Single(e => e.Summary == "Our weekly check-in").IsAllDay);

        // Python's icalendar and dateutil, with their own time zone data (pytz), read the same.
        using var python = JsonDocument.Parse(await PythonAsync(anaFeed, "2027-03-20T00:00:00+00:00", "2027-04-01T00:00:00+00:00"));
        var events = python.RootElement.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("summary").GetString()!);
        Assert.Equal(["Europe/Berlin"], python.RootElement.GetProperty("timezones").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["2027-03-21T18:00:00+00:00", "2027-03-28T17:00:00+00:00"], events["Walk and talk"].GetProperty("utc").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["2027-03-21T19:00:00", "2027-03-28T19:00:00"], events["Walk and talk"].GetProperty("local").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["-1 day, 23:45:00"], events["Walk and talk"].GetProperty("alarms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["2027-03-24T06:15:00+00:00", "2027-03-31T05:15:00+00:00"], events["A ritual of ours"].GetProperty("utc").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_new_link_ends_the_old_one_revoking_ends_it_and_the_token_never_reaches_the_logs()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        var stranger = (await app.CreatePairedCoupleAsync()).Inviter;
        var first = await MakeLinkAsync(ana);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(first)).StatusCode);

        var second = await MakeLinkAsync(ana);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(second)).StatusCode);

        // Someone else's link calls are about themselves only: they neither see nor end this one.
        Assert.Equal(new CalendarLinkDto(false, null, null), await stranger.Api.GetFromJsonAsync<CalendarLinkDto>("/api/v1/calendar"));
        Assert.Equal(HttpStatusCode.NoContent, (await stranger.Api.DeleteAsync("/api/v1/calendar")).StatusCode);
        var strangers = await MakeLinkAsync(stranger);
        var anasCouple = (await ana.Api.GetFromJsonAsync<MeDto>("/api/v1/me"))!.CoupleId!.Value.ToString();
        Assert.Contains(anasCouple, await FeedAsync(second), StringComparison.Ordinal); // the check-in day's UID
        Assert.DoesNotContain(anasCouple, await FeedAsync(strangers), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.DeleteAsync("/api/v1/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(second)).StatusCode);
        Assert.False((await ana.Api.GetFromJsonAsync<CalendarLinkDto>("/api/v1/calendar"))!.Active);
        foreach (var madeUp in new[] { "/calendar/" + Convert.ToBase64String(new byte[CalendarLinks.TokenBytes]).TrimEnd('=') + ".ics", "/calendar/x.ics", "/calendar/" + new string('-', 43) + ".ics" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.CreateHttpClient().GetAsync(madeUp)).StatusCode);
        }

        var logs = app.Logs.Text;
        foreach (var url in new[] { first, second, strangers })
        {
            var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
            Assert.True(token.Length >= 22, $"a token of {token.Length} characters is less than 128 bits");
            Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
        }

        Assert.Equal(0, app.Logs.ErrorCount);
    }

    [Fact]
    public async Task The_feed_is_rate_limited_per_client_address()
    {
        using var limited = app.WithWebHostBuilder(_ => { });
        using var client = limited.CreateClient(new() { BaseAddress = new Uri("https://attune.test/") });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= CalendarEndpoints.FeedPermitsPerMinute; i++)
        {
            statuses.Add((await client.GetAsync("/calendar/unknown-token.ics")).StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<string> MakeLinkAsync(TestUser user)
    {
        var response = await user.Api.PostAsync("/api/v1/calendar/regenerate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = await response.ReadAsync<CalendarLinkDto>();
        Assert.True(link.Active);
        Assert.Matches("^https://attune.test/calendar/[A-Za-z0-9_-]{43}\\.ics$", link.Url);
        return link.Url!;
    }

    private Task<HttpResponseMessage> FetchAsync(string url) => app.CreateHttpClient(handleCookies: false).GetAsync(new Uri(url).PathAndQuery);

    private async Task<string> FeedAsync(string url)
    {
        var response = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Summaries(string feed) =>
        [.. feed.Split("\r\n").Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)).Select(l => l["SUMMARY:".Length..]).Order(StringComparer.Ordinal)];

    /// <summary>RFC 5545's framing, checked line by line: CRLF, at most 75 octets a line, balanced BEGIN/END, the required calendar properties.</summary>
    private static void StrictLines(string feed)
    {
        Assert.EndsWith("\r\n", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", feed.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = feed[..^2].Split("\r\n");
        var open = new Stack<string>();
        foreach (var line in lines)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                continue; // a folded continuation
            }

            Assert.Matches("^[A-Z0-9-]+[;:]", line);
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal))
            {
                open.Push(line[6..]);
            }
            else if (line.StartsWith("END:", StringComparison.Ordinal))
            {
                Assert.Equal(open.Pop(), line[4..]);
            }
        }

        Assert.Empty(open);
        Assert.Equal(("BEGIN:VCALENDAR", "END:VCALENDAR"), (lines[0], lines[^1]));
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith("DTSTART;TZID=", StringComparison.Ordinal)), l => Assert.StartsWith("DTSTART;TZID=Europe/Berlin:", l, StringComparison.Ordinal));
    }

    /// <summary>Reads the feed with Debian's python3-icalendar (installed by test.sh) and expands rules with dateutil in the zone's pytz rules.</summary>
    private static async Task<string> PythonAsync(string feed, string fromUtc, string toUtc)
    {
        var folder = Directory.CreateTempSubdirectory("attune-ics-");
        try
        {
            var ics = Path.Combine(folder.FullName, "feed.ics");
            var script = Path.Combine(folder.FullName, "read.py");
            await File.WriteAllTextAsync(ics, feed);
            await File.WriteAllTextAsync(script, PythonReader);
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, ics, fromUtc, toUtc])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"python3 icalendar failed: {await errors}");
            return await output;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string PythonReader = """
        import json, sys
        from datetime import datetime, timezone
        import pytz
        from dateutil.rrule import rrulestr
        from icalendar import Calendar

        cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
        start, end = datetime.fromisoformat(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
        out = {'timezones': [], 'events': []}
        for c in cal.walk():
            if c.name == 'VTIMEZONE':
                out['timezones'].append(str(c['TZID']))
            if c.name != 'VEVENT':
                continue
            dtstart = c['DTSTART']
            tzid = dtstart.params.get('TZID')
            first = c.decoded('DTSTART')
            if not isinstance(first, datetime) or tzid is None:
                out['events'].append({'summary': str(c['SUMMARY']), 'utc': [], 'local': [], 'alarms': []})
                continue
            zone = pytz.timezone(tzid)
            naive = first.replace(tzinfo=None)
            local = []
            if 'RRULE' in c:
                rule = rrulestr(c['RRULE'].to_ical().decode(), dtstart=naive)
                local = [d for d in rule.between(datetime(2000, 1, 1), datetime(2100, 1, 1), inc=True)
                         if start <= zone.localize(d).astimezone(timezone.utc) < end]
            elif start <= zone.localize(naive).astimezone(timezone.utc) < end:
                local = [naive]
            out['events'].append({
                'summary': str(c['SUMMARY']),
                'local': [d.isoformat() for d in local],
                'utc': [zone.localize(d).astimezone(timezone.utc).isoformat() for d in local],
                'alarms': [str(a.decoded('TRIGGER')) for a in c.subcomponents if a.name == 'VALARM'],
            })
        print(json.dumps(out))
        """;
}

public sealed class SqliteCalendarApiTests(AttuneApp app, ITestOutputHelper output) : CalendarApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresCalendarApiTests(PostgresAttuneApp app, ITestOutputHelper output) : CalendarApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
