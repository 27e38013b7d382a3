using System.CommandLine;
using Newtonsoft.Json;
using Spectre.Console;
using WeChatPay.Chain.Cli.Configuration;

namespace WeChatPay.Chain.Cli.Commands;

/// <summary><c>wechatpay endpoints list|describe</c>: the library's catalogue of every documented operation, offline.</summary>
internal static class EndpointsCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("endpoints", "The catalogue of WeChat Pay operations the library knows (offline).");
        command.Add(List(context));
        command.Add(Describe(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var search = new Argument<string[]>("search") { Description = "Words every listed path contains (any case), e.g. profitsharing return.", Arity = ArgumentArity.ZeroOrMore };
        var list = new Command("list", "List operations: method, path, and whether APIv2 mutual TLS is required.");
        list.Add(search);
        list.SetAction(parse => Sync(context, () =>
        {
            var words = parse.GetValue(search) ?? [];
            var found = Catalogue.Operations
                .Where(o => words.All(w => o.Path.Contains(w, StringComparison.OrdinalIgnoreCase) || o.Method.Equals(w, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (found.Count == 0)
            {
                context.Out.MarkupLine($"No catalogued path contains {Markup.Escape(string.Join(" and ", words))}.");
                return CliContext.Failed;
            }

            var table = new Table().AddColumns("method", "path", "notes");
            foreach (var operation in found)
            {
                table.AddRow(operation.Method, Markup.Escape(operation.Path), Markup.Escape(Notes(operation)));
            }

            context.Out.Write(table);
            context.Out.MarkupLine($"{found.Count} of {Catalogue.Operations.Count} operations.");
            return CliContext.Ok;
        }));
        return list;
    }

    private static Command Describe(CliContext context)
    {
        var endpoint = new Argument<string>("endpoint") { Description = "A path (v3/profitsharing/return-orders) or a chain (V3.Profitsharing.ReturnOrders)." };
        var method = new Option<string?>("--method", "-X") { Description = "Only this method's operation.", HelpName = "method" };
        var describe = new Command("describe", "Describe the operations on a path: methods, fields (required, type, location, sensitive), answers; did-you-mean when unknown.");
        describe.Add(endpoint);
        describe.Add(method);
        describe.SetAction(parse => Sync(context, () =>
        {
            var path = EndpointPath.PathOf(parse.GetValue(endpoint)!);
            var operations = Catalogue.OnPath(path).Where(o => parse.GetValue(method) is not { } m || o.Method.Equals(m, StringComparison.OrdinalIgnoreCase)).ToList();
            if (operations.Count == 0)
            {
                var near = Catalogue.Suggest(path);
                context.Fail(near.Count > 0
                    ? $"{path}{(parse.GetValue(method) is { } m ? $" ({m})" : string.Empty)} is not in the catalogue; did you mean {string.Join(" or ", near)}?"
                    : $"{path} is not in the catalogue, and no catalogued path is near it; try `wechatpay endpoints list <word>`.");
                return CliContext.Failed;
            }

            foreach (var operation in operations)
            {
                Write(context.Out, operation);
            }

            return CliContext.Ok;
        }));
        return describe;
    }

    private static void Write(IAnsiConsole console, ApiOperation operation)
    {
        console.Write(new Rule($"[bold]{operation.Method} {Markup.Escape(operation.Path)}[/]").LeftJustified());
        console.MarkupLine($"host: {Markup.Escape(operation.BaseUri?.ToString() ?? BuilderOptions.DefaultBaseUri.ToString())}");
        console.MarkupLine($"sends: {Markup.Escape(operation.RequestContentType ?? "(no body)")}, answers {operation.SuccessStatus} {Markup.Escape(operation.ResponseContentType ?? string.Empty)}");
        if (Notes(operation) is { Length: > 0 } notes)
        {
            console.MarkupLine($"note: {Markup.Escape(notes)}");
        }

        console.MarkupLine($"call: [bold]wechatpay call {Markup.Escape(operation.Path)} --{operation.Method.ToLowerInvariant()}{(operation.IsV2 ? " --xml @fields.json" : operation.RequestContentType is "application/json" ? " --json @body.json" : string.Empty)}[/]");
        Fields(console, "request", operation.Parameters, location: true);
        Fields(console, "answer", operation.Response, location: false);
    }

    private static void Fields(IAnsiConsole console, string title, IReadOnlyList<ApiField> fields, bool location)
    {
        if (fields.Count == 0)
        {
            console.MarkupLine($"{title}: no fields");
            return;
        }

        var table = new Table { Title = new TableTitle(title) };
        table.AddColumns(location ? ["field", "in", "type", "required", "notes"] : ["field", "type", "required", "notes"]);
        void Add(ApiField field, string indent)
        {
            var type = field.ItemType is { } item ? $"{field.Type} of {item}" : field.Format is { } format ? $"{field.Type} ({format})" : field.Type;
            var notes = string.Join("; ", new[]
            {
                field.IsSensitive ? "sensitive (encrypted)" : null,
                field.MaxLength is { } max ? $"max {max}" : null,
                field.Enum.Count > 0 ? "one of " + string.Join(", ", field.Enum) : null,
                field.Example is { } example ? "e.g. " + example.ToString(Formatting.None) : null,
            }.Where(n => n is not null));
            string[] cells = location
                ? [indent + field.Name, field.Location.ToString().ToLowerInvariant(), type, field.IsRequired ? "yes" : string.Empty, notes]
                : [indent + field.Name, type, field.IsRequired ? "yes" : string.Empty, notes];
            table.AddRow(cells.Select(Markup.Escape).ToArray());
            foreach (var child in field.Fields)
            {
                Add(child, indent + "  ");
            }
        }

        foreach (var field in fields)
        {
            Add(field, string.Empty);
        }

        console.Write(table);
    }

    private static string Notes(ApiOperation operation) => string.Join("; ", new[]
    {
        operation.CertificateRequired ? "mutual TLS (--security, --merchant-p12)" : null,
        operation.BaseUri is { } host ? "host " + host.Host : null,
    }.Where(n => n is not null));

    private static Task<int> Sync(CliContext context, Func<int> action) => context.RunAsync(() => Task.FromResult(action()));
}
