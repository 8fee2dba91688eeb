using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Coach;

internal static class CoachEndpoints
{
    public static IServiceCollection AddCoach(this IServiceCollection services)
    {
        services.AddScoped<GentleCoach>();
        services.AddNavEntry<CoachText>(Destination.Together, 40, "nav.gentle", "chat", "/say-it-gently", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapCoach(this IEndpointRouteBuilder app)
    {
        // Nothing here touches the couple's data: anyone signed in may practise, paired or not.
        var group = app.MapGroup("/api/v1/coach").WithTags("Coach").RequireAuthorization();
        group.MapPost("/gentle", Gentle);
        return group;
    }

    private static Results<Ok<CoachResponse>, ProblemHttpResult, ValidationProblem> Gentle(CoachRequest request, GentleCoach coach) =>
        coach.Check(request.Text).ToResult(TypedResults.Ok);
}
