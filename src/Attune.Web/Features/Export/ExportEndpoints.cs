using System.Security.Claims;
using System.Text.Json;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>The export as the file people download (JSON as the API writes it, dated name).</summary>
    public static (byte[] Content, string FileName) ToFile(ExportDocument document, JsonSerializerOptions options, TimeProvider time) =>
        (JsonSerializer.SerializeToUtf8Bytes(document, options), $"attune-export-{time.GetUtcNow():yyyy-MM-dd}.json");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, NotFound>> Export(
        ExportRequest request, ClaimsPrincipal principal, PasswordCheck passwords, ExportService export,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time, CancellationToken ct)
    {
        var me = principal.RequireUserId();
        if (await passwords.ConfirmAsync(me, request.Password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.Problem("Your export needs your current password.");
        }

        if (await export.BuildAsync(me, ct) is not { } document)
        {
            return TypedResults.NotFound();
        }

        var (content, fileName) = ToFile(document, json.Value.SerializerOptions, time);
        return TypedResults.File(content, "application/json", fileName);
    }
}
