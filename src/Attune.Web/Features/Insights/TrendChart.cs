using System.Globalization;
using System.Net;
using System.Text;

namespace Attune.Features.Insights;

/// <summary>The words a chart needs, already in the reader's language.</summary>
internal sealed record ChartText(string Title, string Description, string Mine, string Partner, Func<DateOnly, string> Week);

/// <summary>
/// Draws one trend as an SVG line chart on the server: my line solid with round points, my partner's dashed
/// with square points (told apart without colour), every point titled with its week and value. The page puts
/// the same numbers in a table next to it, so nothing is only in the picture.
/// </summary>
internal static class TrendChart
{
    private const int Width = 320;
    private const int Height = 180;
    private const int Left = 26;
    private const int Right = 10;
    private const int Top = 10;
    private const int Bottom = 26;

    public static string Render(string id, TrendSeries series, ChartText text)
    {
        var svg = new StringBuilder();
        var n = series.Points.Count;
        double X(int i) => n == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (i * (Width - Left - Right) / (double)(n - 1));
        double Y(int v) => Top + ((series.Max - v) * (Height - Top - Bottom) / (double)(series.Max - series.Min));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" id="{id}" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{E(text.Title)}</title><desc id="{id}-desc">{E(text.Description)}</desc>""");
        for (var v = series.Min; v <= series.Max; v++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="chart-grid" x1="{Left}" x2="{Width - Right}" y1="{F(Y(v))}" y2="{F(Y(v))}"/><text class="chart-axis" x="{Left - 6}" y="{F(Y(v) + 4)}" text-anchor="end">{v}</text>""");
        }

        for (var i = 0; i < n; i++)
        {
            if (n <= 6 || i % ((n + 5) / 6) == 0 || i == n - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-axis" x="{F(X(i))}" y="{Height - 8}" text-anchor="middle">{E(text.Week(series.Points[i].Week))}</text>""");
            }
        }

        Line(svg, series, "chart-mine", p => p.Mine, text.Mine, text, X, Y, F, square: false);
        Line(svg, series, "chart-partner", p => p.Partner, text.Partner, text, X, Y, F, square: true);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Line(
        StringBuilder svg, TrendSeries series, string css, Func<TrendPoint, int?> value, string who, ChartText text,
        Func<int, double> x, Func<int, double> y, Func<double, string> f, bool square)
    {
        var points = series.Points.Select((p, i) => (p, i, v: value(p))).Where(t => t.v is not null).ToList();
        if (points.Count == 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<g class="{css}" data-series="{css}"><polyline fill="none" points="{string.Join(' ', points.Select(t => $"{f(x(t.i))},{f(y(t.v!.Value))}"))}"/>""");
        foreach (var (p, i, v) in points)
        {
            var label = E($"{who}, {text.Week(p.Week)}: {v}");
            svg.Append(square
                ? string.Create(CultureInfo.InvariantCulture, $"""<rect x="{f(x(i) - 4)}" y="{f(y(v!.Value) - 4)}" width="8" height="8" data-value="{v}"><title>{label}</title></rect>""")
                : string.Create(CultureInfo.InvariantCulture, $"""<circle cx="{f(x(i))}" cy="{f(y(v!.Value))}" r="4.5" data-value="{v}"><title>{label}</title></circle>"""));
        }

        svg.Append("</g>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
