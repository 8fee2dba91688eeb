using System.Text.RegularExpressions;

namespace Attune.Features.Coach;

/// <summary>What a harsh start-up looks like in words (the coach's kinds; their names are the API's).</summary>
internal enum FindingKind
{
    Generalization,
    Blame,
    Character,
    Contempt,
    Command,
    Disguised,
    NonApology,
}

/// <summary>One harsh phrase: its kind and where it sits in the text (UTF-16 offsets, as JavaScript counts).</summary>
internal sealed record Finding(FindingKind Kind, int Start, int Length);

/// <summary>The parts of "I feel … when … I need …" a text has.</summary>
internal sealed record Parts(bool Feeling, bool Situation, bool Need);

/// <summary>
/// The gentle start-up rules: deterministic regular expressions over English text, no model, no network.
/// Matching runs on a copy of the text with the same length (lower case, straight apostrophes, quoted
/// speech blanked out), so offsets point into the original. Each rule says why it holds back: a negation
/// before it ("it's not your fault"), praise after it ("you always make me laugh"), or the speaker
/// talking about themselves ("I felt stupid"). The evaluation set is gentle-eval.tsv beside this file.
/// </summary>
internal static partial class GentleRules
{
    public static IReadOnlyList<Finding> Find(string text)
    {
        var t = Prepare(text);
        var found = new List<Finding>();
        Add(found, t, FindingKind.Generalization, Generalization(), m => !NegatedBefore(t, m) && !Praise(t, m, m.Value.Contains("never", StringComparison.Ordinal)));
        Add(found, t, FindingKind.Blame, Blame(), m => !NegatedBefore(t, m) && !Praise(t, m, never: false));
        Add(found, t, FindingKind.Blame, IfOnly(), m => true);
        Add(found, t, FindingKind.Character, Character(), m => !NegatedBefore(t, m));
        Add(found, t, FindingKind.Contempt, Contempt(), m => true);
        Add(found, t, FindingKind.Contempt, Insult(), m => !AboutMeOrNegated(t, m));
        Add(found, t, FindingKind.Command, Obligation(), m => !NegatedBefore(t, m));
        Add(found, t, FindingKind.Command, Imperative(), m => true);
        Add(found, t, FindingKind.Disguised, Disguised(), m => !Praise(t, m, never: false));
        Add(found, t, FindingKind.NonApology, NonApology(), m => true);
        Add(found, t, FindingKind.NonApology, ConditionalSorry(), m => true);
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return found;
    }

    public static Parts FindParts(string text)
    {
        var t = Prepare(text);
        return new Parts(Feeling().IsMatch(t), Situation().IsMatch(t), Need().IsMatch(t));
    }

    private static void Add(List<Finding> found, string t, FindingKind kind, Regex rule, Func<Match, bool> keep)
    {
        foreach (Match m in rule.Matches(t))
        {
            var hit = m.Groups["hit"].Success ? m.Groups["hit"] : (Group)m;
            if (keep(m) && !found.Exists(f => f.Kind == kind && f.Start < hit.Index + hit.Length && hit.Index < f.Start + f.Length))
            {
                found.Add(new Finding(kind, hit.Index, hit.Length));
            }
        }
    }

    /// <summary>Lower case, straight quotes, and quoted speech blanked: same length as the original.</summary>
    private static string Prepare(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        var inQuote = false;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { '\u2018' or '\u2019' or '`' => '\'', '\u201C' or '\u201D' or '\u201E' => '"', _ => chars[i] };
            if (chars[i] == '"')
            {
                inQuote = !inQuote;
                chars[i] = ' ';
            }
            else if (inQuote)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>The clause before the match (back to the last comma or sentence end) holds a negation: "it's not your fault".</summary>
    private static bool NegatedBefore(string t, Match m) => Negation().IsMatch(ClauseBefore(t, m.Index));

    private static bool AboutMeOrNegated(string t, Match m)
    {
        var before = ClauseBefore(t, m.Index);
        return Negation().IsMatch(before) || AboutMe().IsMatch(before);
    }

    /// <summary>The rest of the clause is praise: "you always make me laugh", "because of you I believe in myself".</summary>
    private static bool Praise(string t, Match m, bool never)
    {
        var start = m.Index + m.Length;
        var end = t.IndexOfAny(['.', '!', '?', ';'], start);
        var after = t[start..(end < 0 ? t.Length : end)];
        var clauseStart = t.LastIndexOfAny(['.', '!', '?', ';'], Math.Max(0, m.Index - 1)) + 1;
        if (LovingOpener().IsMatch(t[clauseStart..m.Index]))
        {
            return true;
        }

        return never
            ? NeverPraise().IsMatch(after)
            : !Negation().IsMatch(after) && PraiseWords().IsMatch(after) && !HarshWords().IsMatch(after);
    }

    private static string ClauseBefore(string t, int index)
    {
        var start = t.LastIndexOfAny(['.', '!', '?', ';', ','], Math.Max(0, index - 1)) + 1;
        return index > start ? t[start..index] : "";
    }

    private const string Traits = "selfish|lazy|inconsiderate|irresponsible|cold|arrogant|controlling|heartless|immature|childish|ungrateful|"
        + "self-cent(?:er|r)ed|manipulative|unreliable|careless|needy|dramatic|insensitive|stubborn|hopeless|judg(?:e)?mental|mean|"
        + "thoughtless|rude|negative|sensitive|useless|pathetic|stupid|dumb|terrible|awful|horrible|lousy|bad|liar|slob|child|baby|"
        + "hypocrite|nag|control freak|jerk|idiot|loser|moron|disgrace|joke|incapable";

    [GeneratedRegex(@"\byou(?:'re| are|re|'ve| have)? (?:always|never|constantly|forever)\b|\b(?:are|do|did|were|would|can't|won't|don't) you (?:always|never|constantly)\b|\bevery (?:single )?time (?:\w+ ){0,5}?you\b|\byou \w+ every (?:single )?time\b|\bstop (?:always|constantly)\b")]
    private static partial Regex Generalization();

    [GeneratedRegex(@"\byour (?:own )?fault\b|\bbecause of you\b|\bthanks to you\b|\byou made (?:me|us)\b|\byou made (?:this|it|things|everything) (?:\w+ ){0,3}?(?:harder|worse|difficult)\b|\byou(?:'re| are) (?:the reason|to blame|responsible for|the one who)\b|\byou (?:always |just |really )?(?:ruined|ruin|wrecked|spoiled|spoilt|broke|caused|messed|started it|started this|got us into|drove me)\b|\blook what you(?:'ve)? (?:did|done)\b|\b(?:this|that|it)(?:'s| is) (?:all )?on you\b")]
    private static partial Regex Blame();

    /// <summary>"If only you had …": a counterfactual blame, even after a negation ("I wouldn't yell if you didn't …").</summary>
    [GeneratedRegex(@"\bif you (?:hadn't|had not|didn't|did not|weren't)\b|\bif it (?:weren't|wasn't) for you\b")]
    private static partial Regex IfOnly();

    [GeneratedRegex(@"\byou(?:'re| are|re)(?: (?:so|such|really|completely|totally|just|very|being|a|an|the|most|always|truly|honestly|such a|such an))* (?:" + Traits + @")\b|\bwhat kind of (?:person|partner|man|woman|husband|wife)\b|\byou(?:'re| are) just like your (?:father|mother|dad|mom|mum)\b|\byou (?:don't |do not )?(?:only )?care about (?:anyone|anybody|no ?one|anything) but yourself\b|\bonly care about yourself\b")]
    private static partial Regex Character();

    [GeneratedRegex(@"\bwhatever\b(?= *(?:[.,!?]|$|you say))|\boh,? (?:poor you|please|great|wonderful|perfect|brilliant|sure|boo hoo|here we go|really|how \w+ of you)\b|\b(?:rolls? (?:my |his |her )?eyes|eye ?rolls?)\b|\byeah,? right\b|\bgive me a break\b|\breal mature\b|\bwhat a (?:surprise|joke|shock)\b|\bbig surprise\b|\bboo[- ]?hoo\b|\bcry me a river\b|(?<!feel |felt )\bas if you\b|\bdon't be (?:stupid|an idiot|ridiculous|pathetic|dumb)\b|\b(?:great|nice) job,? you (?:\w+ )?(?:ruined|broke|forgot|messed|wrecked)\b|\byou call that\b|\bspare me\b|\bgrow (?:up|a spine)\b|\bget over yourself\b|\bpfft\b|\byou disgust me\b|, (?:genius|einstein|sherlock)\b")]
    private static partial Regex Contempt();

    [GeneratedRegex(@"\b(?:idiots?|stupid(?:est)?|moron|pathetic|loser|dumb|useless|worthless|disgusting)\b")]
    private static partial Regex Insult();

    [GeneratedRegex(@"\byou(?:'d| had)? better\b|\byou (?:should|must|ought to|need to|have to|gotta)\b(?! (?:have seen|see (?:the|this|it|how|what)|try|hear|heard|taste|watch|check out)\b)")]
    private static partial Regex Obligation();

    [GeneratedRegex(@"(?<=(?:^|[.!?;*]\s*)(?:(?:oh|now|please|okay|ok|look|so),?\s+)?)(?<hit>(?:just\s+)?(?:stop|shut up|calm down|grow up|grow a spine|get (?:off|out|over|a job|a grip|your)|clean (?:up|your)|put (?:your|that|it|the)|leave me alone|do (?:the|it|your|what i)|take out|fix (?:it|this|that)|be quiet|answer me|go to (?:bed|your room)|move (?:your|it)|listen to me|spare me|don't (?:talk|touch|you dare|even|start|be|blame|tell|interrupt|walk|look|yell|raise|lie)|do not|drop it|leave it|hurry up))\b")]
    private static partial Regex Imperative();

    [GeneratedRegex(@"\bi (?:\w+ ){0,2}?(?:feel|felt)(?: (?:like|that|as if|as though))? you(?:'re|'ve|'d| are| were| have| had)?\b")]
    private static partial Regex Disguised();

    [GeneratedRegex(@"\b(?:sorry|apologi[sz]e)[^.!?]{0,40}?,? but\b|\bsorry (?:that )?you(?:'re| are| were)? (?:feel|felt|think|thought|took|take|got|get|were|are|'re|so|upset|hurt|offended|mad|angry|didn't|did not|had to see)\b|\bmistakes were made\b|\bi said (?:i'm |i am |i was )?sorry\b|\bsorry (?:that )?i'm not perfect\b")]
    private static partial Regex NonApology();

    [GeneratedRegex(@"\b(?:sorry|apologi[sz]e) (?:that )?if\b(?=[^.!?;]*\b(?:offend\w*|upset\w*|hurt|wrong|rude|misunderstood|came across|seemed|felt|feel|took|taken|bother\w*)\b)")]
    private static partial Regex ConditionalSorry();

    [GeneratedRegex(@"\b(?:not|no|never|nobody|n't|isn't|wasn't|don't|didn't|doesn't|dont|didnt|aren't|won't)\b|n't\b")]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(?:i'm|i am|im|i was|i felt|feel|felt|myself)\b")]
    private static partial Regex AboutMe();

    [GeneratedRegex(@"\bi (?:\w+ )?(?:love|admire|appreciate|adore)\b")]
    private static partial Regex LovingOpener();

    [GeneratedRegex(@"\b(?:laugh\w*|smil\w*|cheer\w*|best|look out for|there for me|there when|remember my|make me happy|happy|support\w*|lucky|safe|success|believe in|proud|delicious|lovely|special|my day|understand me|understood|listened|wonderful|amazing|kind)\b")]
    private static partial Regex PraiseWords();

    [GeneratedRegex(@"^ (?:\w+ )?(?:fail to|complain|give up|let me down|judge|(?:have|need) to)\b")]
    private static partial Regex NeverPraise();

    [GeneratedRegex(@"\b(?:ruin\w*|awkward|fault|stupid|late|mess\w*)\b")]
    private static partial Regex HarshWords();

    [GeneratedRegex(@"\b(?:i(?:'m| am| was| felt| feel| get| got| have been| 've been)|it (?:hurt|hurts|scares|worries|frustrates) me|it's (?:hard|frustrating|scary|painful) for me|feeling)(?: \w+){0,2}? (?:lonely|alone|hurt|sad|anxious|worried|scared|afraid|frustrated|overwhelmed|angry|upset|disappointed|embarrassed|tense|nervous|exhausted|tired|drained|lost|unsure|insecure|ashamed|happy|grateful|proud|hopeful|uneasy|restless|discouraged|neglected|invisible|left out|torn|rushed|safe|unappreciated|appreciated|confused|stressed|jealous|helpless|uncomfortable|unheard|heard|unseen|hopeless|afraid|excited|relieved|calm|close|closest|distant|disconnected|frightened|resentful|guilty|defensive|down|low|worn out|stretched)\b|\bi (?:miss|worry|am worried)\b|\bit hurt\b")]
    private static partial Regex Feeling();

    [GeneratedRegex(@"\b(?:when|whenever|after|before|during|since|every time|last (?:night|week|time|month)|this (?:morning|week|evening|month)|yesterday|today|tonight|at (?:the|dinner|work)|because|about)\b")]
    private static partial Regex Situation();

    [GeneratedRegex(@"\bi(?:'d| would)?(?: really)? (?:need|like|love|want|wish|hope|prefer)\b|\b(?:could|can|would|will) (?:we|you)\b|\bplease\b|\blet's\b|\bit would (?:help|mean)\b|\bi'm asking\b|\bmaybe we\b|\bhow about\b|\bwould it be\b|\bwould help\b|\bi'd appreciate\b")]
    private static partial Regex Need();
}
