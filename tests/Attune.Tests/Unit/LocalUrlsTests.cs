using Attune.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace Attune.Tests.Unit;

/// <summary>LocalUrls is ASP.NET Core's Url.IsLocalUrl rule (minus "~/", which a script cannot resolve).</summary>
public sealed class LocalUrlsTests
{
    private static readonly UrlHelper Framework = new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/today", true)]
    [InlineData("/join/ABCD-EFGH?x=//y", true)]
    [InlineData("/\\evil.example/x", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\r\n/evil.example", false)]
    [InlineData("/a\u0085b", false)]
    [InlineData("\\\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("~/today", false)]
    [InlineData("today", false)]
    [InlineData("", false)]
    [InlineData(" /today", false)]
    [InlineData(null, false)]
    public void Only_paths_on_this_site_are_local(string? url, bool local)
    {
        Assert.Equal(local, LocalUrls.IsLocal(url));
        Assert.Equal(local ? url : "/", LocalUrls.OrHome(url));
        if (url?.StartsWith('~') != true)
        {
            Assert.Equal(Framework.IsLocalUrl(url), LocalUrls.IsLocal(url));
        }
    }
}
