using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Attune.Hosting;

/// <summary>The shapes of expected failures in the API: ProblemDetails with a clear title and detail.</summary>
internal static class Problems
{
    public static Conflict<ProblemDetails> Conflict(string title, string detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail });

    public static NotFound<ProblemDetails> NotFound(string title, string detail) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = title, Detail = detail });

    /// <summary>400 with one field error, keyed by the JSON property name.</summary>
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static Conflict<ProblemDetails> NotInCouple() =>
        Conflict("Not in a couple", "This is for two. Invite your partner first, or join with their code.");
}
