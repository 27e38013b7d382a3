using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Security;

/// <summary>
/// Bad call inputs on a built instance, by category, generated from every secret in every form of
/// <see cref="Mutations"/>. Each says whether the library must refuse it before sending (<see cref="BadCall.MustRefuse"/>),
/// or may send it (the secret is then data the caller chose to send) and, if so, what must hold of the bytes that
/// arrived (<see cref="BadCall.Wire"/>).
/// </summary>
internal static class BadCalls
{
    public static readonly string[] Categories =
    [
        "options", "headers", "header-line-breaks", "placeholders", "placeholder-dot-segments", "lone-surrogates",
        "query", "json", "xml", "base_uri", "base_uri-user-info",
    ];

    /// <summary>One call: how to make it, whether it must be refused, and what the arrived request must look like if it may be sent.</summary>
    public sealed record BadCall(string Description, Func<IChainNode, CancellationToken, Task> Send, bool MustRefuse, Func<RawHttpServer.Received, string?>? Wire = null)
    {
        /// <summary>Which secret, in which form, the call carries.</summary>
        public string Form { get; init; } = string.Empty;
    }

    public static List<BadCall> For(string category, Secrets secrets, Uri server, int seed)
    {
        var random = new Random(seed);
        // Where the form of the secret hardly matters (it rides along in a call refused for another reason), a few forms do.
        var forms = category is "lone-surrogates" or "placeholder-dot-segments" ? Mutations.All.Take(6) : Mutations.All;
        var values = new List<(string Name, string Value)>();
        foreach (var (secretName, secret) in secrets.All)
        {
            foreach (var (mutationName, mutate) in forms)
            {
                values.Add(($"{secretName}, {mutationName}", mutate(secret, random)));
            }
        }

        var calls = new List<BadCall>();
        foreach (var (name, value) in values)
        {
            var made = category switch
            {
                "options" => Options(value),
                "headers" => Headers(value),
                "header-line-breaks" => HeaderLineBreaks(value),
                "placeholders" => Placeholders(value),
                "placeholder-dot-segments" => DotSegments(value),
                "lone-surrogates" => LoneSurrogates(value),
                "query" => Query(value),
                "json" => JsonBodies(value),
                "xml" => Xml(value),
                "base_uri" => BaseUris(value, server),
                "base_uri-user-info" => UserInfo(value, server),
                _ => throw new ArgumentOutOfRangeException(nameof(category), category, "no such category"),
            };
            calls.AddRange(made.Select(c => c with { Form = name }));
        }

        return calls;
    }

    private static IEnumerable<BadCall> Options(string v)
    {
        yield return Refused("an option named by it", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new Dictionary<string, object?> { [v] = "1" }, t));
        yield return Refused("option security", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { security = v }, t));
        yield return Refused("option query as a string", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { query = v }, t));
        yield return Refused("option headers as a string", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = v }, t));
        yield return Refused("option base_uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = v }, t));
        yield return Refused("option body beside json", (wx, t) => wx.Chain("v3/merchant/items").PostAsync(new { body = v, json = new { } }, t));
    }

    private static IEnumerable<BadCall> Headers(string v)
    {
        var token = v.Length > 0 && v.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
        yield return new("a header named by it", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { [v] = "1" } }, t), MustRefuse: !token);
        yield return Refused("a header named by it, with an object for a value", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, object> { [v] = new object() } }, t));
        yield return Refused("header Authorization", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new { Authorization = v } }, t));
        yield return Refused("header Wechatpay-Serial, sealing a sensitive field", (wx, t) => wx.Chain("v3/profitsharing/receivers/add").PostAsync(
            new { json = new { name = Sensitive.Of("张三") }, headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = v } }, t));
        if (!Mutations.HasLineBreak(v))
        {
            // Sent as the caller asked, or refused by .NET for a character no header may carry: either way nothing quotes it.
            yield return new("a header value", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = v } }, t), MustRefuse: false);
        }
    }

    private static IEnumerable<BadCall> HeaderLineBreaks(string v)
    {
        yield return Refused("a header value with CRLF and a header after it", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = v + "\r\nX-Injected: 1" } }, t));
        yield return Refused("a header value after a bare LF", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = "x\n" + v } }, t));
        yield return Refused("a header value after a bare CR", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = "x\r" + v } }, t));
        yield return Refused("a header name with CRLF", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note\r\n" + v] = "1" } }, t));
        if (Mutations.HasLineBreak(v))
        {
            yield return Refused("a header value as it is", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = v } }, t));
        }
    }

    private static IEnumerable<BadCall> Placeholders(string v)
    {
        if (Mutations.HasLoneSurrogate(v))
        {
            yield break;
        }

        foreach (var (what, value) in new[] { ("a placeholder value", v), ("a placeholder value with / after it", v + "/x"), ("a placeholder value with ../ before it", "../" + v), ("a placeholder value with /../.. after it", v + "/../..") })
        {
            yield return new(what, (wx, t) => wx.Chain("v3/merchant/items/{item_id}/detail").GetAsync(new Dictionary<string, object?> { ["item_id"] = value }, t), MustRefuse: false, Wire: r => OneSegment(r, "/v3/merchant/items/", "/detail", value));
        }

        yield return Refused("a placeholder given an object", (wx, t) => wx.Chain("v3/merchant/items/{item_id}/detail").GetAsync(new Dictionary<string, object?> { ["item_id"] = new object(), ["note"] = v }, t));
    }

    private static IEnumerable<BadCall> DotSegments(string v)
    {
        foreach (var dots in new[] { ".", ".." })
        {
            yield return Refused($"a JSON body to a path whose placeholder is \"{dots}\"", (wx, t) => wx.Chain("v3/merchant/items/{item_id}/notes").PostAsync(new { item_id = dots, json = new { note = v } }, t));
            yield return Refused($"a header to a path whose last placeholder is \"{dots}\"", (wx, t) => wx.Chain("v3/merchant/{item_id}").GetAsync(new Dictionary<string, object?> { ["item_id"] = dots, ["headers"] = new Dictionary<string, string> { ["X-Note"] = Mutations.HasLineBreak(v) ? "x" : v } }, t));
        }

        // Not dot segments: they may go, as one segment.
        foreach (var value in new[] { "...", ".x", "%2e%2e" })
        {
            yield return new($"a placeholder \"{value}\"", (wx, t) => wx.Chain("v3/merchant/items/{item_id}/notes").PostAsync(new { item_id = value, json = new { note = v } }, t), MustRefuse: false, Wire: r => OneSegment(r, "/v3/merchant/items/", "/notes", value));
        }
    }

    private static IEnumerable<BadCall> LoneSurrogates(string v)
    {
        foreach (var (where, broken) in new[] { ("at the end", v + "\uD800"), ("at the start", "\uDC00" + v), ("reversed inside", v.Insert(v.Length / 2, "\uDC00\uD800")) })
        {
            yield return Refused($"a placeholder with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items/{item_id}").GetAsync(new { item_id = broken }, t));
            yield return Refused($"a query value with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { query = new { q = broken } }, t));
            yield return Refused($"a query name with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { query = new Dictionary<string, string> { [broken] = "1" } }, t));
            yield return Refused($"a header value with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { headers = new Dictionary<string, string> { ["X-Note"] = broken } }, t));
            yield return Refused($"a JSON value with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items").PostAsync(new { json = new { note = broken } }, t));
            yield return Refused($"a JSON name with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items").PostAsync(new { json = new Dictionary<string, int> { [broken] = 1 } }, t));
            yield return Refused($"a raw body with a lone surrogate {where}", (wx, t) => wx.Chain("v3/merchant/items").PostAsync(new { body = broken }, t));
        }
    }

    private static IEnumerable<BadCall> Query(string v)
    {
        if (Mutations.HasLoneSurrogate(v))
        {
            yield break;
        }

        yield return new("a query value", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { query = new { q = v } }, t), MustRefuse: false, Wire: EncodedTarget);
        yield return new("a query name", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { query = new Dictionary<string, string> { [v] = "1" } }, t), MustRefuse: false, Wire: EncodedTarget);
        yield return Refused("a query name with an object for a value", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { query = new Dictionary<string, object> { [v] = new object() } }, t));
    }

    private static IEnumerable<BadCall> JsonBodies(string v)
    {
        if (Mutations.HasLoneSurrogate(v))
        {
            yield break;
        }

        yield return new("a JSON value", (wx, t) => wx.Chain("v3/merchant/items").PostAsync(new { json = new { note = v } }, t), MustRefuse: false);
        yield return new("a JSON name", (wx, t) => wx.Chain("v3/merchant/items").PostAsync(new { json = new Dictionary<string, int> { [v] = 1 } }, t), MustRefuse: false);
        yield return Refused("a JSON body on a GET", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { json = new { note = v } }, t));
        yield return Refused("a JSON name over a reference loop", (wx, t) =>
        {
            var loop = new Dictionary<string, object>();
            loop[v] = loop;
            return wx.Chain("v3/merchant/items").PostAsync(new { json = loop }, t);
        });
    }

    private static IEnumerable<BadCall> Xml(string v)
    {
        var xmlName = v.Length > 0 && (char.IsAsciiLetter(v[0]) || v[0] == '_') && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        yield return Refused("field mch_id", (wx, t) => wx.Chain("v2/pay/orderquery").PostAsync(new { xml = new { mch_id = v, out_trade_no = "1217752501201407033233368018" } }, t));
        yield return Refused("field sign_type", (wx, t) => wx.Chain("v2/pay/orderquery").PostAsync(new { xml = new { mch_id = TestKeys.Mchid, sign_type = v } }, t));
        yield return Refused("field sign_type where HMAC-SHA256 is required", (wx, t) => wx.Chain("v2/pay/profitsharingquery").PostAsync(new { xml = new { mch_id = TestKeys.Mchid, sign_type = v } }, t));
        yield return new("a field named by it", (wx, t) => wx.Chain("v2/pay/orderquery").PostAsync(new { xml = new Dictionary<string, string> { ["mch_id"] = TestKeys.Mchid, [v] = "1" } }, t), MustRefuse: !xmlName);
    }

    private static IEnumerable<BadCall> BaseUris(string v, Uri server)
    {
        var escaped = Uri.EscapeDataString(v);
        yield return new("the base_uri path", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = $"{server}p/{escaped}/" }, t), MustRefuse: false, Wire: r => r.Target.StartsWith("/p/", StringComparison.Ordinal) ? null : $"arrived at {r.Target}");
        yield return Refused("the user-info of an ftp base_uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = $"ftp://merchant:{escaped}@127.0.0.1/" }, t));
        yield return Refused("the query of a base_uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = $"{server}?k={escaped}" }, t));
        yield return Refused("the query of a base_uri given as a Uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = new Uri($"{server}?k={escaped}") }, t));
        if (Uri.TryCreate(v, UriKind.Relative, out var relative))
        {
            yield return Refused("a relative base_uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = relative }, t));
        }
    }

    private static IEnumerable<BadCall> UserInfo(string v, Uri server)
    {
        var escaped = Uri.EscapeDataString(v);
        var at = $"{server.Host}:{server.Port}";
        yield return Refused("the user name of base_uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = $"http://{escaped}@{at}/" }, t));
        yield return Refused("the password of base_uri", (wx, t) => wx.Chain("v3/merchant/items").GetAsync(new { base_uri = new Uri($"http://merchant:{escaped}@{at}/") }, t));
    }

    private static BadCall Refused(string description, Func<IChainNode, CancellationToken, Task> send) => new(description, send, MustRefuse: true);

    /// <summary>The placeholder went as exactly one segment between <paramref name="before"/> and <paramref name="after"/>, and decodes to the value.</summary>
    private static string? OneSegment(RawHttpServer.Received request, string before, string after, string value)
    {
        var path = request.Target.Split('?')[0];
        if (!path.StartsWith(before, StringComparison.Ordinal) || !path.EndsWith(after, StringComparison.Ordinal))
        {
            return $"arrived at {path}";
        }

        var segment = path[before.Length..^after.Length];
        return !segment.Contains('/', StringComparison.Ordinal) && Uri.UnescapeDataString(segment) == value ? null : $"the placeholder arrived as {segment}";
    }

    /// <summary>The request line arrived whole: nothing in the target is left unencoded that would split or end it.</summary>
    private static string? EncodedTarget(RawHttpServer.Received request) =>
        request.Target.Any(c => c <= ' ' || c > '~' || c == '#') ? "the target holds an unencoded character" : null;
}
