namespace Attune.Hosting;

/// <summary>
/// The most SQL statements a page (on its page model) or an API route (<c>.WithMetadata(new StatementBudgetAttribute(n, "…"))</c>)
/// may take to answer a signed-in partner of a couple with every card present, caches off (each person's first look
/// of the day). <c>StatementBudgetTests</c> measures every page and every GET route and fails above the budget;
/// pages and routes without one are held to <see cref="DefaultPage"/> and <see cref="DefaultRoute"/>. Raise a budget
/// in the same commit as the work that needs it, and say why in <see cref="Reason"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class StatementBudgetAttribute(int statements, string reason) : Attribute
{
    public const int DefaultPage = 8;

    public const int DefaultRoute = 6;

    public int Statements { get; } = statements;

    public string Reason { get; } = reason;
}
