using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Security;

internal sealed record PasswordRequest(string? Password);

internal sealed record EnableTwoStepRequest(string? Code, string? Password);

/// <summary>Password change and two-step sign-in. Every change asks for the current password.</summary>
internal static class SecurityEndpoints
{
    public static RouteGroupBuilder MapSecurity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Security").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/password", ChangePassword).WithMetadata(new HashesPasswordAttribute());
        group.MapGet("/two-step", Status);
        group.MapPost("/two-step/setup", Setup);
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

    private static async Task<Ok<TwoStepSetup>> Setup(TwoStepService twoStep, CurrentCouple current) =>
        TypedResults.Ok(await twoStep.SetupAsync(current.UserId!.Value));

    private static async Task<Results<Ok<RecoveryCodesResponse>, ValidationProblem>> Enable(
        EnableTwoStepRequest request, TwoStepService twoStep, CurrentCouple current)
    {
        var (codes, errors) = await twoStep.EnableAsync(current.UserId!.Value, request.Code, request.Password);
        return codes is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(new RecoveryCodesResponse(codes));
    }

    private static async Task<Results<NoContent, ValidationProblem>> Disable(PasswordRequest request, TwoStepService twoStep, CurrentCouple current) =>
        await twoStep.DisableAsync(current.UserId!.Value, request.Password)
            ? TypedResults.NoContent()
            : Problems.Field("password", "That password is not right.");

    private static async Task<Results<Ok<RecoveryCodesResponse>, ValidationProblem>> RenewCodes(
        PasswordRequest request, TwoStepService twoStep, CurrentCouple current) =>
        await twoStep.RenewRecoveryCodesAsync(current.UserId!.Value, request.Password) is { } codes
            ? TypedResults.Ok(new RecoveryCodesResponse(codes))
            : Problems.Field("password", "That password is not right, or two-step sign-in is off.");
}
