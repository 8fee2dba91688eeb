using Attune.Data;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Security;

internal sealed record PasswordRequest(string? Password);

internal sealed record EnableTwoStepRequest(string? Code, string? Password);

/// <summary>Password change and two-step sign-in. Every change asks for the current password.</summary>
internal static class SecurityEndpoints
{
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddScoped<PasswordService>();
        services.AddScoped<TwoStepService>();
        services.AddNavEntry(new NavEntry(Destination.Me, 30, "Security", "shield", "/security", Audience.Everyone,
            "Password, two-step sign-in, passkeys and your devices"));
        return services;
    }

    public static RouteGroupBuilder MapSecurity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Security").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/password", ChangePassword).HashesPassword();
        group.MapGet("/two-step", Status);
        group.MapPost("/two-step/setup", Setup);
        group.MapPost("/two-step/enable", Enable).HashesPassword();
        group.MapPost("/two-step/disable", Disable).HashesPassword();
        group.MapPost("/two-step/recovery-codes", RenewCodes).HashesPassword();
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, PasswordService passwords, Caller caller, CancellationToken ct) =>
        (await passwords.ChangeAsync(caller, request, ct)).ToResult();

    private static async Task<Ok<TwoStepStatus>> Status(TwoStepService twoStep, Caller caller) =>
        TypedResults.Ok(await twoStep.StatusAsync(caller.UserId));

    private static async Task<Ok<TwoStepSetup>> Setup(TwoStepService twoStep, Caller caller) =>
        TypedResults.Ok(await twoStep.SetupAsync(caller.UserId));

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, ValidationProblem>> Enable(
        EnableTwoStepRequest request, TwoStepService twoStep, Caller caller) =>
        (await twoStep.EnableAsync(caller.UserId, request.Code, request.Password)).ToResult(codes => TypedResults.Ok(new RecoveryCodesResponse(codes)));

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Disable(PasswordRequest request, TwoStepService twoStep, Caller caller) =>
        (await twoStep.DisableAsync(caller.UserId, request.Password)).ToResult();

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, ValidationProblem>> RenewCodes(
        PasswordRequest request, TwoStepService twoStep, Caller caller) =>
        (await twoStep.RenewRecoveryCodesAsync(caller.UserId, request.Password)).ToResult(codes => TypedResults.Ok(new RecoveryCodesResponse(codes)));
}
