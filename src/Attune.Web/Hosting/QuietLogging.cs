namespace Attune.Hosting;

/// <summary>
/// Log defaults set in code, so that a missing or older settings file cannot undo them:
/// no SQL commands (EF Core logs every one at Information), and no request lines from ASP.NET Core (hosting logs
/// every request's path at Information, and paths carry secrets: /join/CODE today, calendar and unsubscribe
/// links tomorrow). Warnings and errors still come through. The rules go before the configuration's, so a
/// settings file that names the same category on purpose (e.g. "Microsoft.AspNetCore": "Information" while
/// debugging) still wins.
/// </summary>
internal static class QuietLogging
{
    private static readonly LoggerFilterRule[] Defaults =
    [
        new(providerName: null, categoryName: "Microsoft.EntityFrameworkCore", logLevel: LogLevel.Warning, filter: null),
        new(providerName: null, categoryName: "Microsoft.AspNetCore", logLevel: LogLevel.Warning, filter: null),
    ];

    public static WebApplicationBuilder AddQuietLogging(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            for (var i = 0; i < Defaults.Length; i++)
            {
                o.Rules.Insert(i, Defaults[i]);
            }
        });
        return builder;
    }
}
