namespace Attune.Hosting;

/// <summary>
/// The one rule for a short text on one line (a reflection after a ritual or eye gazing, an own idea's title):
/// 1 to <c>max</c> characters after trimming, and no line break. Each feature brings its own words under
/// <c>{keys}.empty</c>, <c>{keys}.long</c> (with the limit) and <c>{keys}.oneline</c>.
/// </summary>
internal static class OneLineText
{
    public static Failure? Check(string trimmed, int max, string field, IStringLocalizer words, string keys) =>
        trimmed.Length == 0 ? Failure.Field(field, words[keys + ".empty"])
        : trimmed.Length > max ? Failure.Field(field, words[keys + ".long", max])
        : trimmed.Contains('\n', StringComparison.Ordinal) || trimmed.Contains('\r', StringComparison.Ordinal) ? Failure.Field(field, words[keys + ".oneline"])
        : null;
}
