using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Attune.Tests.Properties;

/// <summary>A request body as sent on the wire: bytes and a content type, and a readable description for failures.</summary>
public sealed record HostileBody(byte[] Bytes, string ContentType, string Description);

/// <summary>
/// FsCheck generators of hostile request bodies: JSON with the endpoint's own field names (and
/// others) holding huge strings, control characters, lone surrogates, markup, SQL, wrong types and
/// nesting; fields left out; and bodies that are not JSON at all (truncated, invalid UTF-8, empty).
/// JSON is written by hand so that invalid UTF-16 really reaches the server.
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

    /// <summary>Hostile text for query strings and route values.</summary>
    public static Gen<string> Strings() =>
        Gen.Frequency((3, Gen.Elements(Nasty)), (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), (1, Gen.Choose(1, 20).Select(n => new string('9', n * 100))));

    public static Gen<HostileBody> Bodies(params string[] fields) =>
        Gen.Frequency(
            (6, Objects(fields).Select(json => Json(json))),
            (1, Value(2).Select(json => Json(json))),
            (1, Objects(fields).Select(json => Json(json[..(json.Length / 2)]))),
            (1, Gen.Constant(new HostileBody([], "application/json", "(empty body)"))),
            (1, Gen.Constant(new HostileBody([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json", "(invalid UTF-8)"))),
            (1, Objects(fields).Select(json => new HostileBody(Encoding.UTF8.GetBytes(json), "text/plain", "text/plain: " + json))));

    private static Gen<string> Objects(string[] fields) =>
        Gen.ListOf(Gen.Zip(Gen.Elements([.. fields, "extra", "__proto__", "Text", ""]), Value(2)))
            .Select(pairs => "{" + string.Join(",", pairs.Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}");

    private static Gen<string> Value(int depth)
    {
        var leaves = new List<(int, Gen<string>)>
        {
            (6, Gen.Elements(Nasty).Select(Quote)),
            (3, ArbMap.Default.GeneratorFor<string>().Select(s => Quote(s ?? ""))),
            (1, Gen.Choose(1, 300).Select(n => Quote(new string('x', n * 1000)))),
            (2, Gen.Elements("0", "1", "3", "-7", "2147483648", "1e308", "0.5", "true", "false", "null")),
        };
        if (depth > 0)
        {
            leaves.Add((1, Gen.ListOf(Value(depth - 1)).Select(items => "[" + string.Join(",", items) + "]")));
            leaves.Add((1, Gen.ListOf(Gen.Zip(Gen.Elements(Nasty), Value(depth - 1)))
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}")));
        }

        return Gen.Frequency(leaves);
    }

    private static HostileBody Json(string json) =>
        new(Encoding.UTF8.GetBytes(json), "application/json",
            json.Length > 300 ? json[..300] + $"… ({json.Length} chars)" : json);

    /// <summary>A JSON string literal; control characters and every surrogate are \u-escaped, so lone ones survive.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < ' ' || char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
