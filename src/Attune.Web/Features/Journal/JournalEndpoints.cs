using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Journal;

internal sealed record FeelingView(string Id, string Label);

internal sealed record FeelingFamilyView(string Id, string Label, FeelingTone Tone, IReadOnlyList<FeelingView> Feelings);

internal static class JournalEndpoints
{
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddScoped<JournalService>();
        services.AddScoped<JournalSharing>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Journal/Shared"));
        services.AddNavEntry<JournalText>(Destination.Me, 5, "nav.journal", "book", "/journal", Audience.Everyone);
        services.AddNavEntry<JournalText>(Destination.Us, 40, "nav.shared", "heart", "/journal/shared", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapJournal(this IEndpointRouteBuilder app)
    {
        // One's own entries need no couple; a single person keeps a journal too.
        var mine = app.MapGroup("/api/v1/journal").WithTags("Journal").RequireAuthorization();
        mine.MapGet("/feelings", Vocabulary);
        mine.MapPost("/", Create);
        mine.MapGet("/", List);
        mine.MapGet("/{id:guid}", Get);
        mine.MapPut("/{id:guid}", Update);
        mine.MapDelete("/{id:guid}", Delete);

        var shared = app.MapGroup("/api/v1/journal").WithTags("Journal").RequireAuthorization().RequireCouple();
        shared.MapGet("/shared", Shared);
        shared.MapPost("/{id:guid}/share", Share);
        shared.MapDelete("/{id:guid}/share", Withdraw);
        return mine;
    }

    private static Ok<List<FeelingFamilyView>> Vocabulary(IStringLocalizer<JournalText> t) =>
        TypedResults.Ok(Feelings.Families.Select(f => new FeelingFamilyView(
            f.Id, t[$"family.{f.Id}"], f.Tone, [.. f.Feelings.Select(id => new FeelingView(id, t[$"feeling.{id}"]))])).ToList());

    private static async Task<Results<Created<JournalEntryView>, ProblemHttpResult, ValidationProblem>> Create(
        JournalRequest request, JournalService journal, CancellationToken ct) =>
        (await journal.CreateAsync(request, ct)).ToResult(entry => TypedResults.Created($"/api/v1/journal/{entry.Id}", entry));

    private static async Task<Results<Ok<JournalPage>, ProblemHttpResult, ValidationProblem>> List(
        string? query, DateTimeOffset? before, int? limit, JournalService journal, CancellationToken ct) =>
        (await journal.ListAsync(query, before, limit, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<JournalEntryView>, ProblemHttpResult, ValidationProblem>> Get(
        Guid id, JournalService journal, CancellationToken ct) =>
        (await journal.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<JournalEntryView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JournalRequest request, JournalService journal, CancellationToken ct) =>
        (await journal.UpdateAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, JournalService journal, CancellationToken ct) =>
        await journal.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<List<SharedEntryView>>> Shared(JournalSharing sharing, CancellationToken ct) =>
        TypedResults.Ok(await sharing.ListAsync(ct));

    private static async Task<Results<Ok<JournalEntryView>, ProblemHttpResult, ValidationProblem>> Share(
        Guid id, JournalSharing sharing, CancellationToken ct) =>
        (await sharing.ShareAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Withdraw(
        Guid id, JournalSharing sharing, CancellationToken ct) =>
        (await sharing.WithdrawAsync(id, ct)).ToResult();
}
