// The same-run baseline: the smallest ASP.NET Core app that answers with a constant JSON body of
// about the size of GET /api/v1/today. Every Attune figure is reported as a ratio to this one.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = new
{
    date = "2026-11-23",
    question = new { id = "fun-001", text = "If we opened a tiny café, what would be on the menu?", category = "fun", depth = 1 },
    mine = new { text = "Soup, bread and something sweet for the two of us.", answeredAt = "2026-11-23T08:00:00+00:00" },
    partner = new { answered = true, text = (string?)null, answeredAt = "2026-11-23T09:00:00+00:00" },
    revealed = false,
};
app.MapGet("/constant", () => Results.Json(body));
app.Run();
