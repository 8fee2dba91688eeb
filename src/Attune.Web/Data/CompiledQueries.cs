using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Attune.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>), compiled once per model: one per database provider,
/// as the tests run SQLite and PostgreSQL apps in one process (a single compiled query recompiles whenever the
/// model changes). For queries on paths that run on every cache miss: a plain LINQ query costs an expression-tree
/// walk, the evaluation of its captured values and a cache lookup per call, which a profile of the first look
/// of the day showed at about a fifth of its CPU (bench/README.md).
/// </summary>
internal sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    public TQuery For(DbContext db) => _compiled.GetOrAdd(db.Model, _ => compile());
}
