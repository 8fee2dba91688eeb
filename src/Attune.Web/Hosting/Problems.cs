using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Hosting;

/// <summary>
/// The shapes of expected failures in the API: application/problem+json with a clear title and
/// detail. (TypedResults.Conflict(new ProblemDetails()) would be sent as plain application/json.)
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>400 with one field error, keyed by the JSON property name.</summary>
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotInCouple(IStringLocalizer<HostingText> t) =>
        Conflict(t["problem.notincouple.title"], t["problem.notincouple.detail"]);
}
