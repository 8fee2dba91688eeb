using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Properties;

/// <summary>
/// A JSON value as a tree, so FsCheck can shrink it (drop a member, shorten a string) and it is
/// still JSON. Written out by hand, so that lone surrogates and control characters reach the server.
/// </summary>
public abstract record Json
{
    public abstract void Write(StringBuilder text);

    /// <summary>A JSON string literal; control characters and every surrogate are \u-escaped, so lone ones survive.</summary>
    public static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
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

        text.Append('"');
    }

    public sealed override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }
}

public sealed record JsonString(string Value) : Json
{
    public override void Write(StringBuilder text) => Quote(text, Value);
}

/// <summary>A number, true, false or null, written as is.</summary>
public sealed record JsonLiteral(string Raw) : Json
{
    public override void Write(StringBuilder text) => text.Append(Raw);
}

public sealed record JsonArray(IReadOnlyList<Json> Items) : Json
{
    public override void Write(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            text.Append(i == 0 ? "" : ",");
            Items[i].Write(text);
        }

        text.Append(']');
    }
}

public sealed record JsonObject(IReadOnlyList<KeyValuePair<string, Json>> Members) : Json
{
    public override void Write(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            text.Append(i == 0 ? "" : ",");
            Quote(text, Members[i].Key);
            text.Append(':');
            Members[i].Value.Write(text);
        }

        text.Append('}');
    }
}

/// <summary>How a body goes on the wire: as JSON, cut in half, as text/plain, empty, or as bytes that are not UTF-8.</summary>
public enum BodyShape
{
    Json,
    Truncated,
    TextPlain,
    Empty,
    InvalidUtf8,
}

public sealed record HostileBody(BodyShape Shape, Json Value)
{
    private static readonly byte[] InvalidUtf8 = [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D];

    public (byte[] Bytes, string ContentType) Wire()
    {
        var json = Value.ToString();
        return Shape switch
        {
            BodyShape.Json => (Encoding.UTF8.GetBytes(json), "application/json"),
            BodyShape.Truncated => (Encoding.UTF8.GetBytes(json[..(json.Length / 2)]), "application/json"),
            BodyShape.TextPlain => (Encoding.UTF8.GetBytes(json), "text/plain"),
            BodyShape.Empty => ([], "application/json"),
            _ => (InvalidUtf8, "application/json"),
        };
    }

    public override string ToString() => Shape switch
    {
        BodyShape.Empty => "(empty body)",
        BodyShape.InvalidUtf8 => "(invalid UTF-8)",
        _ => $"{Shape}: {Cut(Value.ToString())}",
    };

    internal static string Cut(string text, int max = 300) => text.Length > max ? text[..max] + $"… ({text.Length} chars)" : text;
}

/// <summary>
/// One request to one route: a value for each route parameter, a value (or nothing) for each query
/// parameter, and a body when the route takes one. ToString is what a failure report shows.
/// </summary>
public sealed record HostileRequest(ApiRoute Route, IReadOnlyList<string> RouteValues, IReadOnlyList<string?> QueryValues, HostileBody? Body)
{
    public string Path
    {
        get
        {
            var index = 0;
            // Kestrel refuses a NUL in the path before the app sees it (400); the test host would throw instead.
            var path = Regex.Replace(Route.Pattern, @"\{[^}]+\}", _ => Uri.EscapeDataString(RouteValues[index++]).Replace("%00", "", StringComparison.Ordinal));
            var query = Route.Query.Zip(QueryValues).Where(q => q.Second is not null).Select(q => $"{q.First}={Uri.EscapeDataString(q.Second!)}").ToList();
            return query.Count == 0 ? path : path + "?" + string.Join('&', query);
        }
    }

    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Route.Method), Path);
        if (Body is not null)
        {
            var (bytes, contentType) = Body.Wire();
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    public override string ToString() => $"{Route.Method} {HostileBody.Cut(Path)}" + (Body is null ? "" : $" with {Body}");
}
