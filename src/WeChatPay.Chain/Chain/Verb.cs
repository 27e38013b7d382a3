using System.Dynamic;

namespace WeChatPay.Chain;

/// <summary>
/// The verbs a dynamic node answers to when one is invoked: the methods (<c>PostAsync</c>, <c>Post</c>) and the
/// spellings ported code brings, PHP's and Node's lower-case <c>post</c> (synchronous, as PHP's <c>-&gt;post()</c>)
/// and camel-case <c>postAsync</c>. Invoked, they always send; only member access (<c>wx.V3.Foo.post</c>) makes a
/// segment. Each takes what the methods take: <c>(options)</c> or <c>(options, CancellationToken)</c>.
/// </summary>
internal sealed class Verb
{
    private static readonly Dictionary<string, Verb> ByName = Build();

    private Verb(string name, HttpMethod method, bool isAsync)
    {
        Name = name;
        Method = method;
        IsAsync = isAsync;
    }

    /// <summary>The spelling the caller wrote.</summary>
    public string Name { get; }

    public HttpMethod Method { get; }

    /// <summary>Whether it returns the task (<c>postAsync</c>) rather than waiting for the response (<c>post</c>).</summary>
    public bool IsAsync { get; }

    /// <summary>The verb spelled <paramref name="name"/>, or <see langword="null"/> when the name is a segment.</summary>
    public static Verb? Named(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// The options and token of an invocation, by position or by name (<c>options:</c>, <c>cancellationToken:</c>);
    /// anything else is refused, naming <paramref name="what"/> and what it takes, describing the arguments by type only.
    /// </summary>
    public static (object? Options, CancellationToken Token) Arguments(object?[] args, CallInfo info, string what)
    {
        object? options = null;
        CancellationToken token = default;
        bool hasOptions = false, hasToken = false;
        var positional = args.Length - info.ArgumentNames.Count;
        var valid = positional <= 2;
        for (var i = 0; i < args.Length && valid; i++)
        {
            var name = i < positional ? (i == 0 ? "options" : "cancellationToken") : info.ArgumentNames[i - positional];
            if (name == "options" && !hasOptions)
            {
                (options, hasOptions) = (args[i], true);
            }
            else if (name == "cancellationToken" && !hasToken && args[i] is CancellationToken given)
            {
                (token, hasToken) = (given, true);
            }
            else
            {
                valid = false;
            }
        }

        return valid ? (options, token) : throw new ArgumentException($"{what} takes (options) or (options, CancellationToken); got {Shape(args, info)}.");
    }

    /// <summary>The arguments by type and name, never by value: they may hold a secret.</summary>
    private static string Shape(object?[] args, CallInfo info)
    {
        if (args.Length == 0)
        {
            return "no arguments";
        }

        var positional = args.Length - info.ArgumentNames.Count;
        var shown = args.Take(8).Select((arg, i) =>
            (i < positional ? string.Empty : Characters.Printable(info.ArgumentNames[i - positional]) + ": ")
            + (arg is null ? "null" : IsAnonymous(arg.GetType()) ? "an anonymous object" : arg.GetType().Name));
        return $"({string.Join(", ", shown)}{(args.Length > 8 ? $", … {args.Length} in all" : string.Empty)})";
    }

    private static bool IsAnonymous(Type type) => type.Name.Contains("AnonymousType", StringComparison.Ordinal) && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false);

    private static Dictionary<string, Verb> Build()
    {
        var verbs = new Dictionary<string, Verb>(StringComparer.Ordinal);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            var lower = method.Method.ToLowerInvariant();
            var pascal = char.ToUpperInvariant(lower[0]) + lower[1..];
            foreach (var (name, isAsync) in new[] { (lower, false), (pascal, false), (lower + "Async", true), (pascal + "Async", true) })
            {
                verbs[name] = new Verb(name, method, isAsync);
            }
        }

        return verbs;
    }
}
