using Attune.Data;
using Attune.Features.Accounts;
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
    public static RouteGroupBuilder MapSecurity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Security").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/password", ChangePassword).WithMetadata(new HashesPasswordAttribute());
        group.MapGet("/two-step", Status);
        group.MapPost("/two-step/setup", Setup).WithMetadata(new HashesPasswordAttribute());
        group.MapPost("/two-step/enable", Enable).WithMetadata(new HashesPasswordAttribute());
        group.MapPost("/two-step/disable", Disable).WithMetadata(new HashesPasswordAttribute());
        group.MapPost("/two-step/recovery-codes", RenewCodes).WithMetadata(new HashesPasswordAttribute());
        return group;
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, PasswordService passwords, CurrentCouple current, CancellationToken ct)
    {
        var errors = await passwords.ChangeAsync(current.UserId!.Value, current.SessionId, request, ct);
        return errors.Count == 0 ? TypedResults.NoContent() : TypedResults.ValidationProblem(errors);
    }

    private static async Task<Ok<TwoStepStatus>> Status(TwoStepService twoStep, CurrentCouple current) =>
        TypedResults.Ok(await twoStep.StatusAsync(current.UserId!.Value));

    /// <summary>The body (with "password") is optional: a recent sign-in on this device is enough.</summary>
    private static async Task<Results<Ok<TwoStepSetup>, ProblemHttpResult>> Setup(
        PasswordRequest? request, TwoStepService twoStep, RecentSignIn recent, CurrentCouple current) =>
        await recent.CheckAsync(current.UserId!.Value, request?.Password) is var confirmed and not Confirmation.Confirmed
            ? confirmed.Problem()
            : TypedResults.Ok(await twoStep.SetupAsync(current.UserId!.Value));

    private static async Task<Results<Ok<RecoveryCodesResponse>, ValidationProblem, ProblemHttpResult>> Enable(
        EnableTwoStepRequest request, TwoStepService twoStep, RecentSignIn recent, CurrentCouple current)
    {
        if (await recent.CheckAsync(current.UserId!.Value, request.Password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.Problem();
        }

        var (codes, errors) = await twoStep.EnableAsync(current.UserId!.Value, request.Code);
        return codes is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(new RecoveryCodesResponse(codes));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(
        PasswordRequest? request, TwoStepService twoStep, RecentSignIn recent, CurrentCouple current)
    {
        if (await recent.CheckAsync(current.UserId!.Value, request?.Password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.Problem();
        }

        await twoStep.DisableAsync(current.UserId!.Value);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult>> RenewCodes(
        PasswordRequest? request, TwoStepService twoStep, RecentSignIn recent, CurrentCouple current)
    {
        if (await recent.CheckAsync(current.UserId!.Value, request?.Password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.Problem();
        }

        return await twoStep.RenewRecoveryCodesAsync(current.UserId!.Value) is { } codes
            ? TypedResults.Ok(new RecoveryCodesResponse(codes))
            : Problems.Conflict("Two-step sign-in is off", "Recovery codes come with two-step sign-in: turn it on first.");
    }
}
