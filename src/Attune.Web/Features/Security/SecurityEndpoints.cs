using Attune.Data;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Security;

internal sealed record PasswordRequest(string? Password);

internal sealed record EnableTwoStepRequest(string? Code, string? Password);

/// <summary>
/// Password change and two-step sign-in. Every change needs the password again (in the body), or a recent
/// sign-in on this device (RecentSignIn); the password change always needs the current password.
/// </summary>
internal static class SecurityEndpoints
{
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddScoped<PasswordService>();
        services.AddScoped<TwoStepService>();
        services.AddScoped<RecentSignIn>();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddNavEntry<SecurityText>(Destination.Me, 30, "nav.security", "shield", "/security", Audience.Everyone);
        return services;
    }

    public static RouteGroupBuilder MapSecurity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Security").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/password", ChangePassword).HashesPassword();
        group.MapGet("/two-step", Status);
        group.MapPost("/two-step/setup", Setup).HashesPassword();
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

    /// <summary>The body (with "password") is optional: a recent sign-in on this device is enough.</summary>
    private static async Task<Results<Ok<TwoStepSetup>, ProblemHttpResult, ValidationProblem>> Setup(
        PasswordRequest? request, TwoStepService twoStep, RecentSignIn recent, Caller caller)
    {
        var confirmed = await recent.ConfirmAsync(caller, request?.Password);
        Outcome<TwoStepSetup> setup = confirmed.Failure is { } refused ? refused : await twoStep.SetupAsync(caller.UserId);
        return setup.ToResult(TypedResults.Ok);
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, ValidationProblem>> Enable(
        EnableTwoStepRequest request, TwoStepService twoStep, RecentSignIn recent, Caller caller)
    {
        var confirmed = await recent.ConfirmAsync(caller, request.Password);
        Outcome<IReadOnlyList<string>> enabled = confirmed.Failure is { } refused ? refused : await twoStep.EnableAsync(caller.UserId, request.Code);
        return enabled.ToResult(codes => TypedResults.Ok(new RecoveryCodesResponse(codes)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Disable(
        PasswordRequest? request, TwoStepService twoStep, RecentSignIn recent, Caller caller)
    {
        var confirmed = await recent.ConfirmAsync(caller, request?.Password);
        if (confirmed.Succeeded)
        {
            await twoStep.DisableAsync(caller.UserId);
        }

        return confirmed.ToResult();
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, ValidationProblem>> RenewCodes(
        PasswordRequest? request, TwoStepService twoStep, RecentSignIn recent, Caller caller)
    {
        var confirmed = await recent.ConfirmAsync(caller, request?.Password);
        Outcome<IReadOnlyList<string>> codes = confirmed.Failure is { } refused ? refused : await twoStep.RenewRecoveryCodesAsync(caller.UserId);
        return codes.ToResult(renewed => TypedResults.Ok(new RecoveryCodesResponse(renewed)));
    }
}
