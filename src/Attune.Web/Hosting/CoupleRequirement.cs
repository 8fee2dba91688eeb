using Attune.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Attune.Hosting;

/// <summary>Marks an endpoint that is only for two; the isolation matrix and the docs read it.</summary>
internal sealed class RequiresCoupleMetadata;

/// <summary>
/// "Must be in a couple", declared once per route group or page folder, never checked by hand in a
/// handler. The API's answer is always 409 "Not in a couple" (docs/architecture.md, "Not in a couple");
/// a page sends the person home, where Today says what to do next.
/// </summary>
internal static class CoupleRequirement
{
    public static TBuilder RequireCouple<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequiresCoupleMetadata());
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<CallerScope>().Current is { IsInCouple: true }
                ? await next(context)
                : Problems.NotInCouple(HostingText.For(context.HttpContext)));
        return builder;
    }

    /// <summary>Every page in the folder needs a couple.</summary>
    public static PageConventionCollection RequireCouple(this PageConventionCollection conventions, string folderPath)
    {
        conventions.AddFolderApplicationModelConvention(folderPath, model => model.Filters.Add(new RequireCouplePageFilter()));
        return conventions;
    }

    private sealed class RequireCouplePageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.RequestServices.GetRequiredService<CallerScope>().Current is { IsInCouple: true })
            {
                await next();
                return;
            }

            context.Result = new LocalRedirectResult("/");
        }
    }
}
