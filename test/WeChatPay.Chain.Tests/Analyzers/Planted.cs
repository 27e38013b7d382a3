using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace WeChatPay.Chain.Tests.Analyzers;

/// <summary>
/// A planted mistake: statements placed in a class that has every kind of chain node at hand, with each expected
/// finding's span marked <c>[|…|]</c> and its id given in order; and, when a fix applies, the statements it must make.
/// </summary>
public sealed partial record Planted(string Name, string Body, string[] Ids, string? Fixed = null, string? FixTitle = null)
{
    private const string Template = """
        using System.Dynamic;
        using Microsoft.Extensions.DependencyInjection;
        using WeChatPay.Chain;

        public class Calls
        {
            private const string Base = "v3/profitsharing/";
            private readonly dynamic _wx;

            public Calls(BuilderOptions options)
            {
                _wx = Builder.Factory(options);
                Node = Builder.Factory(options);
            }

            private IChainNode Node { get; }

            public async Task Run(BuilderOptions options, IChainNode injected, IServiceProvider services)
            {
                dynamic wx = Builder.Factory(options);
                IChainNode typed = Builder.Factory(options);
        /*BODY*/
            }
        }
        """;

    /// <summary>The whole file, markers removed.</summary>
    public string Source => Place(Marker().Replace(Body, "$1"));

    /// <summary>The marked spans in <see cref="Source"/>, in order.</summary>
    public IReadOnlyList<TextSpan> Spans
    {
        get
        {
            var spans = new List<TextSpan>();
            var placed = Place(Body);
            var removed = 0;
            foreach (Match match in Marker().Matches(placed))
            {
                spans.Add(new TextSpan(match.Index - removed, match.Groups[1].Length));
                removed += 4;
            }

            return spans;
        }
    }

    public string? FixedSource => Fixed is null ? null : Place(Fixed);

    public override string ToString() => Name;

    private static string Place(string body) => Template.Replace("/*BODY*/", body);

    [GeneratedRegex(@"\[\|(.*?)\|\]", RegexOptions.Singleline)]
    private static partial Regex Marker();
}
