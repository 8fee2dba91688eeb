using System.Text.RegularExpressions;

namespace Attune.Features.Appreciation;

/// <summary>What an appreciation still leaves out, for the nudge shown beside the text.</summary>
internal enum NudgePart
{
    /// <summary>What the partner did (or how they were, in one situation).</summary>
    Act,

    /// <summary>When it happened.</summary>
    Moment,

    /// <summary>What it meant to the writer.</summary>
    Meaning,
}

/// <summary>The nudge's verdict: specific means an act plus a moment or a meaning.</summary>
internal sealed record NudgeVerdict(bool Specific, IReadOnlyList<NudgePart> Missing);

/// <summary>
/// A deterministic rule set (no model) that tells a specific appreciation ("thanks for the coffee this
/// morning") from a generic one ("you're amazing", however long). Specific = it names an act of the
/// partner and either when it was or what it meant. The rules read English, with a first handful of
/// German phrases; other languages' idioms are left for later. Measured on <c>nudge-examples.tsv</c>
/// by <see cref="NudgeCheck"/> (<c>dotnet run --project src/Attune.Web -- nudge-check</c>).
/// It is help shown beside the text, never a gate: sending does not depend on it.
/// </summary>
internal static class SpecificityNudge
{
    private const string Irregular = "made|took|brought|held|kept|left|wrote|let|got|found|put|gave|bought|read|sat|said|told|stood|came"
        + "|woke|did|ran|paid|saw|set|spent|hid|taught|drove|swept|caught|fed|sent|went|sang|cleared|dealt|forgave|built|threw|shook|understood|knew";

    // Past tenses that praise in general rather than name a thing done ("you changed my life").
    private const string GeneralPast = "amazed|inspired|changed|blessed|loved|completed|deserved|always|supported|cared|helped";

    private const string Days = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";

    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(200);

    private static readonly Regex Act = Rules(
        // "thanks for the coffee", but not "thanks for everything", "for being you", "for your love".
        @"\b(thanks|thank you)( so much| again)?,? (for|that you) (?!(everything|all|always|being (you|there|my|so|such|amazing|wonderful)|loving|your (love|patience|help|support)|putting up|the help))",
        @"\byou( (also|just|even|actually|really|quietly|secretly|kindly|gently|never once))? (?!(" + GeneralPast + @")\b)(\w+ed|" + Irregular + @")\b",
        @"\byou were (so |really |very |incredibly |such a )?\w+ (with|about|when|at|during|while|on|to \w+ (at|on|in|during|when)|in front)\b",
        @"\byou were (so |really |very |incredibly )?\w+ (at|to) (the|my|your|our|grandma|mum|dad)\b",
        @"\b(the way|how|when|that) you (\w+ed|" + Irregular + @")\b",
        @"\bdu hast\b",
        @"\bdanke( dir)?,? (für|dass) (?!(alles|dich\b|deine liebe|dass du (immer|da bist)))",
        @"\b(wie|als) du\b");

    private static readonly Regex Moment = Rules(
        @"\b(today|tonight|yesterday|earlier|this (morning|afternoon|evening|week|weekend)|last (night|week|weekend|month|time|year)|just now|the other day|lunchtime|at lunch|at breakfast|at dinner|over dinner|after work|before work|on the way|at \d|\d ?(am|pm))\b",
        @"\b(on )?(" + Days + @")s?\b",
        @"\b(at|during|after|before) (the|my|your|our) (\w+ )?(party|meeting|dinner|presentation|interview|hospital|station|dentist|doctor's|doctor|funeral|wedding|appointment|game|match|flight|call|argument|race|concert|school|bus stop)\b",
        @"\bon (our|my|your) (anniversary|birthday|holiday|trip|walk)\b",
        @"\b(on (his|her) birthday|for (our|my|your) (anniversary|birthday))\b",
        @"\bwhen (i|we) (was|were|came|got|had|felt|left|woke)\b",
        @"\b(while i was|this past|every (morning|evening|night|day))\b",
        @"\b(heute|gestern|vorhin|vorgestern|letzte (nacht|woche)|am (wochenende|abend|morgen)|beim (essen|frühstück|abendessen))\b");

    private static readonly Regex Meaning = Rules(
        @"\b(it|that|this|which) (really )?(meant|means)\b",
        @"\bmeant (so much|a lot|the world)\b",
        @"\bmade (me|my|the|it|him|her|us)\b",
        @"\b(i|i've) (felt|feel|was|had been|could|can|didn't|did not|finally|love|loved|admire|trust|woke|have read|sang|needed|would have)\b",
        @"\bfelt (so |really )?\w+",
        @"\b(helped|gave|let|saved|reminded|turned|melted|touched)\b",
        @"\b(so (that )?i could|because (i|it|of)|now i can)\b",
        @"\b(exactly what i needed|best gift|best part|such a small thing|perfect|grateful|proud of you|less alone)\b",
        @"\b(bedeutet|bedeutete|hat mir|gefühlt|geholfen|weil ich|konnte ich|dadurch)\b");

    public static NudgeVerdict Check(string text)
    {
        var normal = text.ToLowerInvariant().Replace('\u2019', '\'');
        var missing = new List<NudgePart>(3);
        var act = Act.IsMatch(normal);
        if (!act)
        {
            missing.Add(NudgePart.Act);
        }

        var moment = Moment.IsMatch(normal);
        var meaning = Meaning.IsMatch(normal);
        if (!moment)
        {
            missing.Add(NudgePart.Moment);
        }

        if (!meaning)
        {
            missing.Add(NudgePart.Meaning);
        }

        return new NudgeVerdict(act && (moment || meaning), missing);
    }

    /// <summary>
    /// The one hint shown: the first thing a specific appreciation still needs, leaning towards praise of the
    /// partner (what they did, how they were) before thanks for the favour. A resource key in AppreciationText.
    /// </summary>
    public static string HintKey(NudgeVerdict verdict) => verdict switch
    {
        { Specific: true } => "nudge.hint.specific",
        { Missing: var m } when m.Contains(NudgePart.Act) => "nudge.hint.act",
        { Missing: var m } when m.Contains(NudgePart.Moment) => "nudge.hint.moment",
        _ => "nudge.hint.meaning",
    };

    private static Regex Rules(params string[] rules) =>
        new(string.Join('|', rules.Select(r => $"(?:{r})")), RegexOptions.CultureInvariant, Limit);
}
