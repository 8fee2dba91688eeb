using Attune.Hosting;

namespace Attune.Features.CheckIns;

/// <summary>The check-in's one validation rule, used by the API and the page alike.</summary>
internal sealed class CheckInValidation(IStringLocalizer<CheckInsText> text)
{
    /// <summary>Checks ranges and lengths (a draft may leave anything empty); returns the tidied texts.</summary>
    public Outcome<CheckInTexts> Check(CheckInRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var dimension in Scales.Dimensions)
        {
            if (RatingOf(request, dimension) is < Scales.RatingMin or > Scales.RatingMax)
            {
                errors[dimension] = [text["error.rating", Scales.RatingMin, Scales.RatingMax]];
            }
        }

        if (request.FeltAlone is < Scales.FeltAloneMin or > Scales.FeltAloneMax)
        {
            errors["feltAlone"] = [text["error.felt-alone", Scales.FeltAloneMin, Scales.FeltAloneMax]];
        }

        if (request.Closeness is < Scales.ClosenessMin or > Scales.ClosenessMax)
        {
            errors["closeness"] = [text["error.closeness", Scales.ClosenessMin, Scales.ClosenessMax]];
        }

        var appreciations = (request.Appreciations ?? []).Select(Tidy).OfType<string>().ToList();
        if (appreciations.Count > Scales.MaxAppreciations)
        {
            errors["appreciations"] = [text["error.appreciations.count", Scales.MaxAppreciations]];
        }
        else if (appreciations.Any(a => a.Length > Scales.MaxAppreciationLength))
        {
            errors["appreciations"] = [text["error.appreciations.length", Scales.MaxAppreciationLength]];
        }

        foreach (var (field, value) in new[] { ("wentWell", request.WentWell), ("concern", request.Concern), ("wish", request.Wish) })
        {
            if (Tidy(value)?.Length > Scales.MaxTextLength)
            {
                errors[field] = [text["error.text.length", Scales.MaxTextLength]];
            }
        }

        return errors.Count > 0
            ? Failure.Invalid(errors) with { Title = text["error.title"] }
            : new CheckInTexts(appreciations, Tidy(request.WentWell), Tidy(request.Concern), Tidy(request.Wish));
    }

    /// <summary>What a submission still needs: every rating, "felt alone" and the closeness picture.</summary>
    public Failure? Complete(CheckIn row)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var dimension in Scales.Dimensions.Where(d => row.Rating(d) is null))
        {
            errors[dimension] = [text["error.rating.missing"]];
        }

        if (row.FeltAlone is null)
        {
            errors["feltAlone"] = [text["error.felt-alone.missing"]];
        }

        if (row.Closeness is null)
        {
            errors["closeness"] = [text["error.closeness.missing"]];
        }

        return errors.Count > 0 ? Failure.Invalid(errors) with { Title = text["error.incomplete.title"] } : null;
    }

    private static int? RatingOf(CheckInRequest r, string dimension) => dimension switch
    {
        "trust" => r.Trust,
        "communication" => r.Communication,
        "vulnerability" => r.Vulnerability,
        "empathy" => r.Empathy,
        "support" => r.Support,
        _ => r.Togetherness,
    };

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
