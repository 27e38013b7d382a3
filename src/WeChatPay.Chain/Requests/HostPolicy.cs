namespace WeChatPay.Chain;

/// <summary>
/// Where a signed request may go. A signed request is a bearer instrument: whoever receives it can replay it to the
/// platform byte for byte. So the instance's <see cref="BuilderOptions.BaseUri"/> is checked once, and option
/// <c>base_uri</c> may only name the instance's own host, WeChat Pay's API hosts, or a host the instance allows in
/// <see cref="BuilderOptions.AllowedHosts"/>; it never turns https into http, and <c>security = true</c> (the
/// merchant certificate) always goes over https. No message quotes user-info.
/// </summary>
internal sealed class HostPolicy
{
    /// <summary>WeChat Pay's documented API hosts: main, backup, Hong Kong (global), and the host of some APIv2 risk APIs.</summary>
    public static readonly IReadOnlyList<string> WeChatPayHosts =
        ["api.mch.weixin.qq.com", "api2.mch.weixin.qq.com", "apihk.mch.weixin.qq.com", "fraud.mch.weixin.qq.com"];

    private readonly HashSet<string> _allowed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the instance's base address and allowed hosts; raised at <see cref="Builder.Factory"/>.</summary>
    public HostPolicy(Uri baseUri, IEnumerable<string?> allowedHosts)
    {
        BaseUri = Checked(baseUri, nameof(BuilderOptions.BaseUri), "BaseUri");
        foreach (var host in allowedHosts)
        {
            _allowed.Add(AllowedHost(host));
        }
    }

    /// <summary>The instance's base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Checks the parts of an absolute URI every base address must have: http(s), no user-info (it would be sent as
    /// credentials to the host, and is never quoted), no query or fragment (the call's own path and query follow).
    /// </summary>
    public static Uri Checked(Uri uri, string paramName, string what)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{what} must be an absolute http(s) URI; got {Describe.Uri(uri)}.", paramName);
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new ArgumentException($"{what} may not carry user-info (user:password@) before its host; got {Describe.Uri(uri)}, not repeated here.", paramName);
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ArgumentException($"{what} may have no query or fragment: the call adds its own path and query.", paramName);
        }

        return uri;
    }

    /// <summary>
    /// Where this call goes: the instance's base address, or <paramref name="perCall"/> (option <c>base_uri</c>,
    /// already through <see cref="Checked"/>) if the policy allows it. <paramref name="security"/> (the merchant
    /// certificate goes with the call) requires https.
    /// </summary>
    public Uri For(Uri? perCall, bool security)
    {
        var target = perCall ?? BaseUri;
        if (perCall is not null)
        {
            var host = perCall.IdnHost;
            var own = string.Equals(host, BaseUri.IdnHost, StringComparison.OrdinalIgnoreCase);
            var wechat = WeChatPayHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
            if (!own && !wechat && !_allowed.Contains(host))
            {
                throw new ArgumentException(
                    $"Option \"base_uri\" names host {Characters.Printable(host)}, which this instance does not send signed requests to: a signed request can be replayed by whoever receives it. Allowed: {Characters.Printable(BaseUri.IdnHost)} (BaseUri), {string.Join(", ", WeChatPayHosts)}{string.Concat(_allowed.Order(StringComparer.Ordinal).Select(h => ", " + Characters.Printable(h)))}; add others to BuilderOptions.AllowedHosts.",
                    "base_uri");
            }

            if (perCall.Scheme == Uri.UriSchemeHttp && (BaseUri.Scheme == Uri.UriSchemeHttps || (wechat && !own)))
            {
                throw new ArgumentException(
                    $"Option \"base_uri\" is http, {(wechat && !own ? $"and {host} is WeChat Pay's: its signed requests go over https only" : "and this instance's BaseUri is https: a call may not downgrade it to send signed requests in clear text")}.",
                    "base_uri");
            }
        }

        if (security && target.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"The merchant certificate (option security = true, applied to every operation that requires it) goes over https only, but {(perCall is null ? "BaseUri" : "option \"base_uri\"")} is http.",
                "security");
        }

        return target;
    }

    private static string AllowedHost(string? host)
    {
        var kind = string.IsNullOrEmpty(host) ? UriHostNameType.Unknown : Uri.CheckHostName(host);
        if (kind is UriHostNameType.Unknown or UriHostNameType.Basic
            || !Uri.TryCreate($"https://{(kind == UriHostNameType.IPv6 ? "[" + host + "]" : host)}/", UriKind.Absolute, out var uri))
        {
            throw new ArgumentException(
                $"AllowedHosts holds \"{Characters.Printable(host ?? "(null)")}\", which is not a host name: give names or IP addresses only, no scheme, port, path or wildcard.",
                nameof(BuilderOptions.AllowedHosts));
        }

        return uri.IdnHost;
    }
}
