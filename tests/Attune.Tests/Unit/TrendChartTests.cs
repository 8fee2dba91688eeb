using System.Globalization;
using System.Xml.Linq;
using Attune.Features.Insights;

namespace Attune.Tests.Unit;

/// <summary>The server-drawn chart for known data: its points, labels and accessible name.</summary>
public sealed class TrendChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_chart_draws_each_value_where_it_belongs_and_names_every_point()
    {
        var weeks = new[] { new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 15) };
        var series = new TrendSeries("trust", 1, 7, [new(weeks[0], 7, null), new(weeks[1], 4, 5), new(weeks[2], 1, 6)]);
        var text = new ChartText("Trust", "Trust by week", "You", "Sam", w => w.ToString("d MMM", CultureInfo.InvariantCulture));

        var svg = XElement.Parse(TrendChart.Render("chart-trust", series, text));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("chart-trust-title chart-trust-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Trust", svg.Element(Svg + "title")!.Value);
        var mine = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "chart-mine");
        var partner = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "chart-partner");
        // Plot area: y from 10 (value 7) to 154 (value 1); x from 26 to 310.
        Assert.Equal("26,10 168,82 310,154", (string?)mine.Element(Svg + "polyline")!.Attribute("points"));
        Assert.Equal(["7", "4", "1"], mine.Elements(Svg + "circle").Select(c => (string)c.Attribute("data-value")!));
        Assert.Equal(["You, 1 Nov: 7", "You, 8 Nov: 4", "You, 15 Nov: 1"], mine.Elements(Svg + "circle").Select(c => c.Element(Svg + "title")!.Value));
        Assert.Equal(["Sam, 8 Nov: 5", "Sam, 15 Nov: 6"], partner.Elements(Svg + "rect").Select(c => c.Element(Svg + "title")!.Value));
        Assert.Equal(["1 Nov", "8 Nov", "15 Nov"], svg.Elements(Svg + "text").Select(t => t.Value).Where(v => v.Contains("Nov", StringComparison.Ordinal)));
        Assert.Equal(7, svg.Elements(Svg + "line").Count());
        Assert.Equal(weeks[2], series.Gap!.Week);
    }

    [Fact]
    public void Words_in_a_chart_are_encoded_and_a_partner_without_revealed_weeks_draws_no_line()
    {
        var series = new TrendSeries("trust", 1, 7, [new(new DateOnly(2026, 11, 1), 5, null)]);
        var svg = TrendChart.Render("c", series, new ChartText("<b>", "d", "You", "<script>", _ => "w"));
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-partner", svg, StringComparison.Ordinal);
        Assert.Null(series.Gap);
    }
}
