using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Attune.Features.Journal;

/// <summary>One entry on the chart: its local day, how strong it was and the tone of its feelings.</summary>
internal sealed record MoodPoint(DateOnly Day, int Intensity, FeelingTone Tone);

/// <summary>
/// The private mood chart: a plain SVG drawn on the server (no script, no chart library), one mark per
/// entry over the last <see cref="Days"/> days, height by intensity, shape and colour by tone so it reads
/// without colour too. The page shows the same points as a table, for screen readers and for precision.
/// </summary>
internal static class MoodChart
{
    public const int Days = 30;
    private const int Width = 340;
    private const int Height = 180;
    private const int Left = 28;
    private const int Right = 8;
    private const int Top = 10;
    private const int Bottom = 24;

    public static IHtmlContent Svg(IReadOnlyList<MoodPoint> points, DateOnly lastDay, string title, string description)
    {
        var firstDay = lastDay.AddDays(1 - Days);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg class="mood-chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="mood-title mood-desc" focusable="false">""");
        svg.Append("<title id=\"mood-title\">").Append(Encode(title)).Append("</title>");
        svg.Append("<desc id=\"mood-desc\">").Append(Encode(description)).Append("</desc>");
        for (var level = 1; level <= 5; level++)
        {
            var y = Y(level, plotHeight);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="mood-grid" x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="mood-axis" x="{Left - 8}" y="{y + 4:0.#}" text-anchor="end">{level}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text class="mood-axis" x="{Left}" y="{Height - 6}">{firstDay.ToString("d MMM", CultureInfo.CurrentCulture)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="mood-axis" x="{Width - Right}" y="{Height - 6}" text-anchor="end">{lastDay.ToString("d MMM", CultureInfo.CurrentCulture)}</text>""");
        foreach (var point in points.Where(p => p.Day >= firstDay && p.Day <= lastDay))
        {
            var x = Left + (plotWidth * (point.Day.DayNumber - firstDay.DayNumber + 0.5) / Days);
            var y = Y(point.Intensity, plotHeight);
            svg.Append(point.Tone switch
            {
                FeelingTone.Pleasant => string.Create(CultureInfo.InvariantCulture, $"""<circle class="mood-pleasant" cx="{x:0.#}" cy="{y:0.#}" r="5"/>"""),
                FeelingTone.Hard => string.Create(CultureInfo.InvariantCulture, $"""<rect class="mood-hard" x="{x - 4.5:0.#}" y="{y - 4.5:0.#}" width="9" height="9"/>"""),
                _ => string.Create(CultureInfo.InvariantCulture, $"""<path class="mood-mixed" d="M{x:0.#} {y - 6:0.#}l5.5 9.5h-11z"/>"""),
            });
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());

        static double Y(int level, int plotHeight) => Top + (plotHeight * (5 - level) / 4.0);
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
