using Attune.Features.Backups;
using Attune.Features.Demo;
using Attune.Hosting;

PrivateFiles.Apply();
if (args is [Attune.Features.Appreciation.NudgeCheck.Command])
{
    return Attune.Features.Appreciation.NudgeCheck.Run(Console.Out);
}

var (command, rest) = BackupCommand.Split(args);
var builder = WebApplication.CreateBuilder(ContentRoot.Options(rest));
if (command is not null)
{
    // Operator commands run with the app's configuration and exit without starting the server.
    return await BackupCommand.RunAsync(command, builder.Configuration, Console.Out);
}

builder.AddAttune();

var app = builder.Build();
await app.UseAttuneAsync();
if (args.Contains("--demo"))
{
    await DemoSeeder.SeedAsync(app.Services, Console.Out);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the real app.</summary>
public partial class Program;
