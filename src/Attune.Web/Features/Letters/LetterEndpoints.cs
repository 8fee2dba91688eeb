using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Letters;

internal static class LetterEndpoints
{
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.AddScoped<LetterService>();
        services.AddScoped<LetterCards>();
        services.AddScoped<Calendar.ICalendarSource, LetterCalendarSource>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Letters"));
        services.AddNavEntry<LettersText>(Destination.Us, 30, "nav.letters", "book", "/letters", Audience.Couples);
        services.AddNavEntry<LettersText>(Destination.Together, 30, "nav.write", "heart", "/letters/write", Audience.Couples);
        services.AddTodayCard("letter-waiting", 20, Audience.Couples, "/Features/Letters/_LetterCard.cshtml",
            (LetterCards cards, CancellationToken ct) => cards.WaitingAsync(ct));
        return services;
    }

    public static RouteGroupBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/letters").WithTags("Letters").RequireAuthorization().RequireCouple();
        group.MapPost("/", Write);
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        // Rate-limited like the sign-in: with a writer's password it checks that password.
        group.MapPost("/{id:guid}/open", Open).RequireRateLimiting(RateLimits.Auth).HashesPassword();
        return group;
    }

    private static async Task<Results<Created<LetterView>, ProblemHttpResult, ValidationProblem>> Write(
        LetterRequest request, LetterService letters, CancellationToken ct) =>
        (await letters.WriteAsync(request, ct)).ToResult(letter => TypedResults.Created($"/api/v1/letters/{letter.Id}", letter));

    private static async Task<Ok<List<LetterView>>> List(LetterService letters, CancellationToken ct) =>
        TypedResults.Ok(await letters.ListAsync(ct));

    private static async Task<Results<Ok<LetterView>, ProblemHttpResult, ValidationProblem>> Get(Guid id, LetterService letters, CancellationToken ct) =>
        (await letters.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    /// <summary>Presses open; with <c>writerPassword</c>, the writer confirms on the recipient's device and it opens for both.</summary>
    private static async Task<Results<Ok<LetterView>, ProblemHttpResult, ValidationProblem>> Open(
        Guid id, LetterOpenRequest? request, LetterService letters, CancellationToken ct) =>
        (request?.WriterPassword is null ? await letters.OpenAsync(id, ct) : await letters.OpenHereAsync(id, request.WriterPassword, ct)).ToResult(TypedResults.Ok);
}
