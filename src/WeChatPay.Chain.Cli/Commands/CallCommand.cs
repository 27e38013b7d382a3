using System.CommandLine;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli.Commands;

/// <summary><c>wechatpay call &lt;endpoint&gt;</c>: one signed request, and the verified answer.</summary>
internal static class CallCommand
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static Command Build(CliContext context)
    {
        var endpoint = new Argument<string>("endpoint") { Description = "A path (v3/profitsharing/return-orders, v3/pay/transactions/id/{transaction_id}) or a chain (V3.Profitsharing.ReturnOrders)." };
        var flags = Verbs.ToDictionary(v => v, v => new Option<bool>("--" + v.ToLowerInvariant()) { Description = $"Send {v}." });
        var method = new Option<string?>("--method", "-X") { Description = "The method, instead of a flag: GET, POST, PUT, PATCH or DELETE.", HelpName = "method" };
        var json = new Option<string?>("--json", "-j") { Description = "The JSON body: text, @file, or @- for standard input (POST unless a method is given).", HelpName = "json|@file" };
        var xml = new Option<string?>("--xml") { Description = "APIv2 fields as a JSON object or <xml>…</xml>: text, @file, or @-; nonce_str and sign are added.", HelpName = "fields|@file" };
        var query = new Option<string[]>("--query", "-q") { Description = "A query parameter, name=value; repeat for more.", HelpName = "name=value" };
        var param = new Option<string[]>("--param", "-p") { Description = "A placeholder's value, name=value, for {name} in the path; repeat for more.", HelpName = "name=value" };
        var header = new Option<string[]>("--header", "-H") { Description = "A request header, \"Name: value\"; repeat for more.", HelpName = "header" };
        var security = new Option<bool>("--security") { Description = "Send over mutual TLS with the merchant certificate (APIv2 secapi; needs --merchant-p12)." };
        var bodyOnly = new Option<bool>("--body-only") { Description = "Print the answer's body alone, for pipes." };

        var command = new Command("call", "Call an endpoint: the request is signed, the answer verified, then printed (status, Request-ID, verification, body).");
        command.Add(endpoint);
        foreach (var option in flags.Values.Concat<Option>([method, json, xml, query, param, header, security, bodyOnly]))
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            var verbs = flags.Where(f => parse.GetValue(f.Value)).Select(f => f.Key).ToList();
            if (parse.GetValue(method) is { } named)
            {
                verbs.Add(Verbs.FirstOrDefault(v => v.Equals(named, StringComparison.OrdinalIgnoreCase)) ?? throw new CliException($"--method {named}: give one of {string.Join(", ", Verbs)}."));
            }

            if (verbs.Distinct().Count() > 1)
            {
                throw new CliException($"One method per call: {string.Join(" and ", verbs.Distinct().Select(v => "--" + v.ToLowerInvariant()))} were both given.");
            }

            var options = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (parse.GetValue(json) is { } jsonText)
            {
                options["json"] = Json(Read(jsonText, "--json", context.Terminal), "--json");
            }

            if (parse.GetValue(xml) is { } xmlText)
            {
                options["xml"] = Fields(Read(xmlText, "--xml", context.Terminal));
            }

            AddPairs(options, "query", parse.GetValue(query), '=', "--query");
            AddPairs(options, "headers", parse.GetValue(header), ':', "--header");
            foreach (var (name, value) in Pairs(parse.GetValue(param), '=', "--param"))
            {
                options[name] = value;
            }

            if (parse.GetValue(security))
            {
                options["security"] = true;
            }

            var verb = verbs.FirstOrDefault() ?? (options.ContainsKey("json") || options.ContainsKey("xml") ? "POST" : "GET");
            var settings = context.Settings(parse);
            var wx = CliContext.Instance(settings.ToBuilderOptions());
            var node = EndpointPath.Resolve(wx, parse.GetValue(endpoint)!);
            if (parse.GetValue(context.Options.Verbose))
            {
                context.Error.MarkupLine($"[grey]{verb} {Markup.Escape(node.Path)}[/]");
            }

            try
            {
                var response = await Send(node, verb, options, cancellationToken);
                Print(context.Out, response, parse.GetValue(bodyOnly));
                Warn(context, verb, node.Path);
                return CliContext.Ok;
            }
            catch (WeChatPayApiException e)
            {
                PrintError(context, e, parse.GetValue(bodyOnly));
                return CliContext.Failed;
            }
            catch (ArgumentException e)
            {
                throw new CliException($"{e.Message.Split(" (Parameter '", 2)[0]} (placeholders: --param name=value; query: --query name=value)", e);
            }
        }));
        return command;
    }

    private static Task<WeChatPayResponse> Send(IChainNode node, string verb, Dictionary<string, object?> options, CancellationToken token) => verb switch
    {
        "GET" => node.GetAsync(options, token),
        "POST" => node.PostAsync(options, token),
        "PUT" => node.PutAsync(options, token),
        "PATCH" => node.PatchAsync(options, token),
        _ => node.DeleteAsync(options, token),
    };

    /// <summary>
    /// An endpoint the catalogue does not know is still called (the catalogue may lag behind the platform); when it
    /// answers, the nearest known paths are named. A refusal names them itself.
    /// </summary>
    private static void Warn(CliContext context, string verb, string path)
    {
        if (Catalogue.Find(verb, path) is not null)
        {
            return;
        }

        var onPath = Catalogue.OnPath(path);
        var hint = onPath.Count > 0
            ? $"{path} is catalogued for {string.Join(", ", onPath.Select(o => o.Method))}, not {verb}"
            : Catalogue.Suggest(path) is { Count: > 0 } near ? $"{path} is not in the catalogue; did you mean {string.Join(" or ", near)}?" : $"{path} is not in the catalogue";
        context.Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(hint)}");
    }

    private static void Print(IAnsiConsole console, WeChatPayResponse response, bool bodyOnly)
    {
        if (!bodyOnly)
        {
            console.MarkupLine($"[green]{response.StatusCode} {Markup.Escape(response.Message.ReasonPhrase ?? string.Empty)}[/]  {response.Method} {Markup.Escape(response.RequestUri.PathAndQuery)}");
            console.MarkupLine($"Request-ID: {Markup.Escape(response.RequestId ?? "(none)")}");
            console.MarkupLine(response.Header("Wechatpay-Serial") is { } serial
                ? $"Verified: yes, signature by {Markup.Escape(serial)}"
                : response.RequestUri.AbsolutePath.StartsWith("/v3/", StringComparison.Ordinal)
                    ? "Verified: not signed (a file download; its digest is checked where the API gives one)"
                    : "Verified: yes, APIv2 sign checked with the APIv2 key");
        }

        Body(console, response);
    }

    private static void PrintError(CliContext context, WeChatPayApiException error, bool bodyOnly)
    {
        if (!bodyOnly)
        {
            context.Out.MarkupLine($"[red]{error.StatusCode}[/]  {error.Method} {Markup.Escape(error.RequestUri.PathAndQuery)}");
            context.Out.MarkupLine($"Request-ID: {Markup.Escape(error.RequestId ?? "(none)")}");
            context.Out.MarkupLine(error.IsVerified ? "Verified: yes" : "Verified: [yellow]no[/] (the error answer carried no signature)");
        }

        Body(context.Out, error.Response);
        context.Fail($"{error.Code ?? "error"}: {error.Message}");
    }

    private static void Body(IAnsiConsole console, WeChatPayResponse response)
    {
        var text = response.Bytes.Length == 0 ? string.Empty
            : response.Data is JToken token ? token.ToString(Formatting.Indented)
            : response.Body;
        if (text.Length > 0)
        {
            console.Profile.Out.Writer.WriteLine(text);
        }
    }

    /// <summary>Option text, or the file after <c>@</c>, or standard input for <c>@-</c>.</summary>
    internal static string Read(string value, string option, Terminal terminal)
    {
        if (!value.StartsWith('@'))
        {
            return value;
        }

        try
        {
            return value == "@-" ? terminal.In.ReadToEnd() : File.ReadAllText(value[1..]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException($"{option} {value}: cannot read the file ({e.GetType().Name}).");
        }
    }

    private static JToken Json(string text, string option)
    {
        try
        {
            return JToken.Parse(text);
        }
        catch (JsonReaderException e)
        {
            throw new CliException($"{option} is not JSON (line {e.LineNumber}, position {e.LinePosition}).");
        }
    }

    /// <summary>APIv2 fields from a JSON object or an <c>&lt;xml&gt;</c> document, as the flat text fields APIv2 sends.</summary>
    private static Dictionary<string, object?> Fields(string text)
    {
        if (text.TrimStart().StartsWith('<'))
        {
            try
            {
                return XElement.Parse(text).Elements().ToDictionary(e => e.Name.LocalName, e => (object?)e.Value, StringComparer.Ordinal);
            }
            catch (System.Xml.XmlException e)
            {
                throw new CliException($"--xml is not an XML document (line {e.LineNumber}, position {e.LinePosition}).");
            }
        }

        return Json(text, "--xml") is JObject fields
            ? fields.Properties().ToDictionary(p => p.Name, p => (object?)(p.Value.Type == JTokenType.String ? p.Value.Value<string>() : p.Value.ToString(Formatting.None)), StringComparer.Ordinal)
            : throw new CliException("--xml takes a JSON object of fields, or <xml>…</xml>.");
    }

    private static void AddPairs(Dictionary<string, object?> options, string name, string[]? values, char separator, string option)
    {
        var pairs = Pairs(values, separator, option).ToList();
        if (pairs.Count > 0)
        {
            options[name] = pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        }
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string[]? values, char separator, string option)
    {
        foreach (var value in values ?? [])
        {
            var at = value.IndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new CliException($"{option} takes name{separator}value; one had no name or no '{separator}'.");
            }

            yield return (value[..at].Trim(), value[(at + 1)..].Trim());
        }
    }
}
