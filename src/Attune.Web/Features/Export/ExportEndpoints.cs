using System.Security.Claims;
using System.Text.Json;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attune.Features.Export;

internal static class ExportEndpoints
{
    public static RouteGroupBuilder MapExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/export").WithTags("Me").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Auth).WithMetadata(new HashesPasswordAttribute());
        group.MapPost("/", Export);
        return group;
    }

    /// <summary>The file name people see when they download their export.</summary>
    public static string FileName(TimeProvider time) => $"attune-export-{time.GetUtcNow():yyyy-MM-dd}.json";

    /// <summary>True when the password is the account's; a wrong one counts towards lockout like a sign-in.</summary>
    public static async Task<bool> ConfirmPasswordAsync(UserManager<AttuneUser> users, Guid me, string? password)
    {
        var user = await users.FindByIdAsync(me.ToString());
        if (user is null || string.IsNullOrEmpty(password) || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> Export(
        ExportRequest request, ClaimsPrincipal principal, UserManager<AttuneUser> users, ExportService export,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time, CancellationToken ct)
    {
        var me = principal.RequireUserId();
        if (!await ConfirmPasswordAsync(users, me, request.Password))
        {
            return Problems.Field("password", "That password is not right. Your export needs your current password.");
        }

        var document = await export.BuildAsync(me, ct);
        return document is null
            ? TypedResults.NotFound()
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(document, json.Value.SerializerOptions), "application/json", FileName(time));
    }
}
