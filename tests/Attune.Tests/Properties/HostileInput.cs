using Attune.Tests.Fixtures;
using FsCheck;
using FsCheck.Fluent;

namespace Attune.Tests.Properties;

/// <summary>
/// FsCheck arbitraries of hostile requests: route values and query strings of huge strings, control
/// characters, lone surrogates, markup and SQL; JSON bodies with the endpoint's own field names (and
/// others) holding the same, wrong types and nesting; fields left out; and bodies that are not JSON
/// at all (truncated, text/plain, invalid UTF-8, empty). Each comes with a shrinker, so a failure is
/// reported as the smallest request that still fails, not as the megabyte that first found it.
/// </summary>
public static class HostileInput
{
    private static readonly string[] Nasty =
    [
        "", " ", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE answers; --", "\" OR 1=1 --",
        "\u0000", "\u0000abc\u0007\u001b[31m", "\u202Eevil", "\uFEFF", "\uD800", "\uDC00x", "x\uD83D", "😀🏳️‍🌈", "ABCD-EFGH",
        "../../etc/passwd", "%00", "${jndi:ldap://x}", "{{7*7}}", "null", "NaN", "-1", "9999999999999999999999",
        "Europe/Berlin", "Mars/Olympus_Mons", "fun", "heart", "00000000-0000-0000-0000-000000000000", "not the password",
    ];

    public static Arbitrary<HostileRequest> Requests(ApiRoute route)
    {
        var query = Gen.Frequency((1, Gen.Constant<string?>(null)), (4, Strings().Select(s => (string?)s)));
        var body = route.BodyFields is { } fields ? Bodies(fields).Select(b => (HostileBody?)b) : Gen.Constant<HostileBody?>(null);
        var requests =
            from routeValues in Gen.CollectToArray(route.RouteValues, _ => Strings())
            from queryValues in Gen.CollectToArray(route.Query, _ => query)
            from hostileBody in body
            select new HostileRequest(route, routeValues, queryValues, hostileBody);
        return Arb.From(requests, Shrink);
    }

    /// <summary>Hostile text for query strings and route values.</summary>
    public static Gen<string> Strings() =>
        Gen.Frequency((3, Gen.Elements(Nasty)), (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), (1, Gen.Choose(1, 20).Select(n => new string('9', n * 100))));

    public static Gen<HostileBody> Bodies(IReadOnlyList<string> fields) =>
        Gen.Frequency(
            (6, Objects(fields).Select(json => new HostileBody(BodyShape.Json, json))),
            (1, Value(2).Select(json => new HostileBody(BodyShape.Json, json))),
            (1, Objects(fields).Select(json => new HostileBody(BodyShape.Truncated, json))),
            (1, Gen.Constant(new HostileBody(BodyShape.Empty, new JsonObject([])))),
            (1, Gen.Constant(new HostileBody(BodyShape.InvalidUtf8, new JsonObject([])))),
            (1, Objects(fields).Select(json => new HostileBody(BodyShape.TextPlain, json))));

    private static Gen<Json> Objects(IReadOnlyList<string> fields) =>
        Gen.ListOf(Gen.Zip(Gen.Elements([.. fields, "extra", "__proto__", "Text", ""]), Value(2)))
            .Select(pairs => (Json)new JsonObject([.. pairs.Select(p => KeyValuePair.Create(p.Item1, p.Item2))]));

    private static Gen<Json> Value(int depth)
    {
        var leaves = new List<(int, Gen<Json>)>
        {
            (6, Gen.Elements(Nasty).Select(s => (Json)new JsonString(s))),
            (3, ArbMap.Default.GeneratorFor<string>().Select(s => (Json)new JsonString(s ?? ""))),
            (1, Gen.Choose(1, 300).Select(n => (Json)new JsonString(new string('x', n * 1000)))),
            (2, Gen.Elements("0", "1", "3", "-7", "2147483648", "1e308", "0.5", "true", "false", "null").Select(s => (Json)new JsonLiteral(s))),
        };
        if (depth > 0)
        {
            leaves.Add((1, Gen.ListOf(Value(depth - 1)).Select(items => (Json)new JsonArray([.. items]))));
            leaves.Add((1, Gen.ListOf(Gen.Zip(Gen.Elements(Nasty), Value(depth - 1)))
                .Select(pairs => (Json)new JsonObject([.. pairs.Select(p => KeyValuePair.Create(p.Item1, p.Item2))]))));
        }

        return Gen.Frequency(leaves);
    }

    /// <summary>Smaller requests first: one route or query value shortened or left out, or a smaller body.</summary>
    public static IEnumerable<HostileRequest> Shrink(HostileRequest request)
    {
        for (var i = 0; i < request.RouteValues.Count; i++)
        {
            foreach (var smaller in Shrink(request.RouteValues[i]))
            {
                yield return request with { RouteValues = Replace(request.RouteValues, i, smaller) };
            }
        }

        for (var i = 0; i < request.QueryValues.Count; i++)
        {
            if (request.QueryValues[i] is not { } value)
            {
                continue;
            }

            yield return request with { QueryValues = Replace(request.QueryValues, i, null) };
            foreach (var smaller in Shrink(value))
            {
                yield return request with { QueryValues = Replace(request.QueryValues, i, smaller) };
            }
        }

        if (request.Body is { Shape: not (BodyShape.Empty or BodyShape.InvalidUtf8) } body)
        {
            if (body.Shape != BodyShape.Json)
            {
                yield return request with { Body = body with { Shape = BodyShape.Json } };
            }

            foreach (var smaller in Shrink(body.Value))
            {
                yield return request with { Body = body with { Value = smaller } };
            }
        }
    }

    /// <summary>An empty container, then one item fewer, then one item smaller; strings shorter.</summary>
    public static IEnumerable<Json> Shrink(Json value) => value switch
    {
        JsonString s => Shrink(s.Value).Select(v => (Json)new JsonString(v)),
        JsonArray { Items.Count: > 0 } a => ShrinkItems(a.Items, Shrink).Select(items => (Json)new JsonArray(items)),
        JsonObject { Members.Count: > 0 } o => ShrinkItems(o.Members, m => Shrink(m.Value).Select(v => KeyValuePair.Create(m.Key, v)))
            .Select(members => (Json)new JsonObject(members)),
        _ => [],
    };

    /// <summary>Halves first (a 300,000-character string shrinks in a few steps), then single characters once short.</summary>
    public static IEnumerable<string> Shrink(string value)
    {
        if (value.Length == 0)
        {
            yield break;
        }

        yield return "";
        if (value.Length > 1)
        {
            yield return value[..(value.Length / 2)];
            yield return value[(value.Length / 2)..];
        }

        if (value.Length is > 2 and <= 16)
        {
            for (var i = 0; i < value.Length; i++)
            {
                yield return value.Remove(i, 1);
            }
        }
    }

    private static IEnumerable<IReadOnlyList<T>> ShrinkItems<T>(IReadOnlyList<T> items, Func<T, IEnumerable<T>> shrink)
    {
        yield return [];
        for (var i = 0; i < items.Count && items.Count > 1; i++)
        {
            yield return [.. items.Take(i), .. items.Skip(i + 1)];
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var smaller in shrink(items[i]))
            {
                yield return Replace(items, i, smaller);
            }
        }
    }

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, int index, T value) =>
        [.. items.Take(index), value, .. items.Skip(index + 1)];
}
