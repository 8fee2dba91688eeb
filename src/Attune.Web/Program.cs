using Attune.Features.Demo;
using Attune.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAttune();

var app = builder.Build();
await app.UseAttuneAsync();
if (args.Contains("--demo"))
{
    await DemoSeeder.SeedAsync(app.Services, Console.Out);
}

await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the real app.</summary>
public partial class Program;
