using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attune.Hosting;

internal enum FailureKind
{
    /// <summary>The input is not acceptable (400, with field errors).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist for this caller (404).</summary>
    NotFound,

    /// <summary>The request cannot be done in the current state (409).</summary>
    Conflict,

    /// <summary>The caller must prove more first, e.g. enter the password again (403, with the field to fill).</summary>
    Forbidden,
}

/// <summary>
/// An expected failure a service reports: what kind, a title and detail for the API, and field errors
/// keyed by the JSON property name. Pages and endpoints show the same words (<see cref="OutcomeResults"/>).
/// </summary>
internal sealed record Failure(FailureKind Kind, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    /// <summary>
    /// The title of an invalid input is never shown as is: the API answers a ValidationProblem, whose title
    /// <see cref="HostingText.Customize"/> writes in the request's language, and pages show the field errors.
    /// </summary>
    private const string InvalidTitle = "problem.invalid";

    public static Failure Field(string field, string message) =>
        new(FailureKind.Invalid, InvalidTitle, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new(FailureKind.Invalid, InvalidTitle, fields.Values.First()[0], fields);

    public static Failure NotFound(string title, string detail) => new(FailureKind.NotFound, title, detail);

    public static Failure Conflict(string title, string detail) => new(FailureKind.Conflict, title, detail);
}

/// <summary>What a service did: a value, or an expected <see cref="Failure"/>. Never an exception for an expected outcome.</summary>
internal readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}

/// <summary>An outcome without a value.</summary>
internal readonly record struct Outcome(Failure? Failure)
{
    public static readonly Outcome Done = new((Failure?)null);

    /// <summary>A success whose value's static type is an interface (implicit conversions do not apply to interfaces).</summary>
    public static Outcome<T> Of<T>(T value) => new(value, null);

    public bool Succeeded => Failure is null;

    public static implicit operator Outcome(Failure failure) => new(failure);
}

/// <summary>The one place outcomes become HTTP answers (ProblemDetails) and page messages (model state).</summary>
internal static class OutcomeResults
{
    public static Results<TOk, ProblemHttpResult, ValidationProblem> ToResult<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult =>
        outcome.Failure is { } failure ? ToProblem<TOk>(failure) : ok(outcome.Value!);

    public static Results<NoContent, ProblemHttpResult, ValidationProblem> ToResult(this Outcome outcome) =>
        outcome.ToResult(TypedResults.NoContent);

    public static Results<TOk, ProblemHttpResult, ValidationProblem> ToResult<TOk>(this Outcome outcome, Func<TOk> ok)
        where TOk : IResult =>
        outcome.Failure is { } failure ? ToProblem<TOk>(failure) : ok();

    private static Results<TOk, ProblemHttpResult, ValidationProblem> ToProblem<TOk>(Failure failure)
        where TOk : IResult => failure switch
        {
            { Kind: FailureKind.Forbidden } => TypedResults.Problem(new HttpValidationProblemDetails(
                failure.Fields?.ToDictionary() ?? [])
            {
                Status = StatusCodes.Status403Forbidden,
                Title = failure.Title,
                Detail = failure.Detail,
            }),
            { Fields: { } fields } => TypedResults.ValidationProblem(fields),
            { Kind: FailureKind.NotFound } => Problems.NotFound(failure.Title, failure.Detail),
            { Kind: FailureKind.Conflict } => Problems.Conflict(failure.Title, failure.Detail),
            _ => TypedResults.Problem(title: failure.Title, detail: failure.Detail, statusCode: StatusCodes.Status400BadRequest),
        };

    /// <summary>
    /// Shows a failure on a page: each field error beside its input (<paramref name="prefix"/> names the
    /// bound model, e.g. "Input"), anything else at the top.
    /// </summary>
    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, string? prefix = null)
    {
        if (failure.Fields is not { } fields)
        {
            modelState.AddModelError(string.Empty, failure.Detail);
            return;
        }

        foreach (var (field, messages) in fields)
        {
            var property = char.ToUpperInvariant(field[0]) + field[1..];
            modelState.AddModelError(prefix is null ? property : $"{prefix}.{property}", messages[0]);
        }
    }
}
