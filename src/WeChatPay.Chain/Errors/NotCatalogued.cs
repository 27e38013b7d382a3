namespace WeChatPay.Chain;

/// <summary>
/// What a 404 adds when the path called is not one WeChat Pay documents, which is most often a member spelt in a way
/// the chain normalises unexpectedly (<c>OutTradeNO</c> → <c>out-trade-n-o</c>): the nearest catalogued paths, with
/// their member spelling, or the methods a catalogued path does have. Consulted only once a 404 has come back, so a
/// call that succeeds never touches the catalogue for this.
/// </summary>
internal static class NotCatalogued
{
    /// <summary>The sentence to add and the suggested paths; <see langword="null"/> when the catalogue has the operation (a 404 about the resource: no order with that number).</summary>
    public static (string Text, IReadOnlyList<string> Suggestions)? Explain(HttpMethod method, CallTarget target)
    {
        var path = Excerpt.Of(target.Template, Excerpt.MessageLength);
        var operations = Catalogue.OnPath(target.Template, target.BaseUri);
        if (operations.Any(operation => operation.Method.Equals(method.Method, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (operations.Count > 0)
        {
            return ($" The WeChat Pay catalogue has {path} for {string.Join(", ", operations.Select(operation => operation.Method))}, not {method}.", []);
        }

        var suggestions = Catalogue.Suggest(target.Template);
        var text = $" {path} (the path as the chain built it) is not in the WeChat Pay catalogue"
            + (suggestions.Count == 0 ? "." : $"; did you mean {suggestions[0]} ({MemberSpelling.Of(suggestions[0])}){string.Concat(suggestions.Skip(1).Select(known => " or " + known))}?");
        return (text, suggestions);
    }
}

/// <summary>The path template a call was built from and the base address it went to: what a 404 is explained with.</summary>
internal sealed record CallTarget(string Template, Uri BaseUri);
