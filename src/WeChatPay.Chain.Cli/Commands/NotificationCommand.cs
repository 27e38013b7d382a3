using System.CommandLine;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli.Commands;

/// <summary>
/// <c>wechatpay notification verify</c>: checks a notification WeChat Pay POSTed as the library checks it (the
/// signature headers, the 300 s window, the serial) and prints the decrypted resource. The input is the raw body with
/// the headers as <c>-H</c> options, or, with <c>--envelope</c>, one JSON object holding both:
/// <c>{"headers": {"Wechatpay-Timestamp": "…", …}, "body": "&lt;the body exactly as received&gt;"}</c>. An XML body is an
/// APIv2 refund notification, opened with the APIv2 key.
/// </summary>
internal static class NotificationCommand
{
    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("file") { Description = "The notification: a file, or - (the default) for standard input.", DefaultValueFactory = _ => "-" };
        var header = new Option<string[]>("--header", "-H") { Description = "A request header, \"Name: value\": Wechatpay-Timestamp, -Nonce, -Signature, -Serial (and -Signature-Type).", HelpName = "header" };
        var envelope = new Option<bool>("--envelope") { Description = "The input is {\"headers\": {…}, \"body\": \"…\"}, the body as a string exactly as received." };
        var plaintextOnly = new Option<bool>("--plaintext-only") { Description = "Print the decrypted resource alone, for pipes." };

        var verify = new Command("verify", "Verify a notification's signature and decrypt its resource (APIv3), or check and decrypt an APIv2 refund notification; print the plaintext.");
        verify.Add(input);
        verify.Add(header);
        verify.Add(envelope);
        verify.Add(plaintextOnly);
        verify.SetAction((parse, _) => context.RunAsync(async () =>
        {
            var path = parse.GetValue(input)!;
            var text = CallCommand.Read(path == "-" ? "@-" : "@" + path, "file", context.Terminal);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string body;
            if (parse.GetValue(envelope))
            {
                (body, var given) = Envelope(text);
                foreach (var (name, value) in given)
                {
                    headers[name] = value;
                }
            }
            else
            {
                body = text;
            }

            foreach (var line in parse.GetValue(header) ?? [])
            {
                var at = line.IndexOf(':', StringComparison.Ordinal);
                if (at <= 0)
                {
                    throw new CliException("--header takes \"Name: value\"; one had no name or no ':'.");
                }

                headers[line[..at].Trim()] = line[(at + 1)..].Trim();
            }

            var wx = CliContext.Instance(context.Settings(parse).ToBuilderOptions());
            var quiet = parse.GetValue(plaintextOnly);
            if (body.TrimStart().StartsWith('<'))
            {
                var fields = Notification.ParseRefund(wx, body);
                if (!quiet)
                {
                    context.Out.MarkupLine("Verified: yes, an APIv2 refund notification (req_info decrypted with the APIv2 key)");
                }

                context.Out.Profile.Out.Writer.WriteLine(JObject.FromObject(fields).ToString(Formatting.Indented));
                return CliContext.Ok;
            }

            if (headers.Count == 0)
            {
                throw new CliException("No headers: give the Wechatpay-* headers with -H \"Name: value\", or the whole request with --envelope.");
            }

            var notice = await Notification.ParseAsync(wx, name => headers.TryGetValue(name, out var value) ? value : null, Encoding.UTF8.GetBytes(body));
            if (!quiet)
            {
                context.Out.MarkupLine($"Verified: yes, signature by {Markup.Escape(notice.Serial)}");
                context.Out.MarkupLine($"event_type: {Markup.Escape(notice.EventType ?? "(none)")}, id: {Markup.Escape(notice.Id ?? "(none)")}, resource: {Markup.Escape(notice.OriginalType ?? "(none)")}");
            }

            context.Out.Profile.Out.Writer.WriteLine(Pretty(notice.Plaintext));
            return CliContext.Ok;
        }));

        var command = new Command("notification", "Notifications (回调通知) WeChat Pay sends.");
        command.Add(verify);
        return command;
    }

    private static (string Body, IEnumerable<(string, string)> Headers) Envelope(string text)
    {
        JObject envelope;
        try
        {
            envelope = JObject.Parse(text);
        }
        catch (JsonReaderException e)
        {
            throw new CliException($"--envelope: the input is not a JSON object (line {e.LineNumber}, position {e.LinePosition}).");
        }

        if (envelope["body"] is not JValue { Type: JTokenType.String } body || envelope["headers"] is not JObject headers)
        {
            throw new CliException("--envelope: the input needs \"headers\" (an object) and \"body\" (the body as a string, exactly as received).");
        }

        return (body.Value<string>()!, headers.Properties().Select(p => (p.Name, p.Value.ToString())));
    }

    private static string Pretty(string plaintext)
    {
        try
        {
            return JToken.Parse(plaintext).ToString(Formatting.Indented);
        }
        catch (JsonReaderException)
        {
            return plaintext;
        }
    }
}
