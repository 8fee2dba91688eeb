using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Attune.Features.CheckIns;

/// <summary>
/// The closeness picture: two circles (you and your partner) from apart to almost fully overlapping, after the
/// Inclusion of Other in the Self scale (Aron, Aron and Smollan, 1992). Drawn here as SVG; the text beside it
/// names each step, so the picture itself is decoration for screen readers.
/// </summary>
internal static class ClosenessPicture
{
    private const int Radius = 18;

    /// <summary>Distance between the centres for steps 1 to 7: apart, touching, then more and more overlap.</summary>
    private static readonly int[] Distance = [44, 36, 28, 21, 14, 8, 3];

    public static HtmlString Svg(int step)
    {
        var d = Distance[Math.Clamp(step, Scales.ClosenessMin, Scales.ClosenessMax) - 1];
        var (a, b) = (45 - (d / 2.0), 45 + (d / 2.0));
        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"""<svg class="closeness" viewBox="0 0 90 44" width="90" height="44" aria-hidden="true" focusable="false"><circle class="closeness-you" cx="{a}" cy="22" r="{Radius}"/><circle class="closeness-partner" cx="{b}" cy="22" r="{Radius}"/></svg>"""));
    }
}
