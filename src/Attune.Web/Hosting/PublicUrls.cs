using System.Net;
using Attune.Data;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Attune.Hosting;

/// <summary>
/// The address people reach Attune at, for links that are sent on (join links, QR codes). The Host
/// header is whatever the sender wrote, so a link made from it could point anywhere ("Host:
/// evil.example"). Links therefore come from Attune:PublicUrl; without it, from the request's host only
/// when that is a loopback name or listed in AllowedHosts (which the host filtering middleware also
/// enforces; "*" lists nothing); otherwise there is no link, and the operator is told to set PublicUrl.
/// </summary>
internal sealed class PublicUrls(IOptions<AttuneOptions> options, IOptionsMonitor<HostFilteringOptions> hostFiltering)
{
    private readonly Uri? _configured = string.IsNullOrEmpty(options.Value.PublicUrl) ? null : new(options.Value.PublicUrl.TrimEnd('/') + "/");

    /// <summary>The base for links, ending in "/"; null when there is no address Attune can trust.</summary>
    public Uri? BaseFor(HttpRequest request) =>
        _configured ?? (IsTrusted(request.Host) ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/") : null);

    /// <summary>The API's answer when there is no trusted address (421: this host is not one Attune answers for).</summary>
    public static ProblemHttpResult Unknown() => TypedResults.Problem(
        title: "Attune does not know its public address",
        detail: UnknownMessage,
        statusCode: StatusCodes.Status421MisdirectedRequest);

    public const string UnknownMessage =
        "Invitation links cannot be made for the address this request was sent to. Whoever runs this Attune " +
        "needs to set Attune:PublicUrl to the address people use (e.g. https://attune.example.org).";

    private bool IsTrusted(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host.Trim('[', ']');
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return true;
        }

        var listed = hostFiltering.CurrentValue.AllowedHosts.Where(h => h != "*").Select(h => new StringSegment(h)).ToList();
        return listed.Count > 0 && HostString.MatchesAny(new StringSegment(host.Host), listed);
    }
}
