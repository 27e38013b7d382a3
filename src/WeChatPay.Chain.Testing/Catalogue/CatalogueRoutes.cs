namespace WeChatPay.Chain.Testing;

/// <summary>
/// Finds the catalogued operation a request is for: an APIv3 path as it arrives (<c>/v3/…</c>), an APIv2 path with
/// the chain's <c>v2/</c> prefix (<c>/pay/micropay</c> is <c>v2/pay/micropay</c>), looked up by
/// <see cref="Catalogue.Find"/> at the fake's own address, where the default host's operations come before those
/// another host serves (fraud, payapp, apihk) on the same path.
/// </summary>
internal static class CatalogueRoutes
{
    /// <summary>The operation and its placeholders' values (decoded, possibly empty), or <see langword="null"/> when the catalogue has none.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="v2">Whether it came on an APIv2 path.</param>
    /// <param name="baseUri">The fake's own address.</param>
    public static CatalogueMatch? Find(PlatformRequest request, bool v2, Uri baseUri)
    {
        var end = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        var wire = (end < 0 ? request.RawTarget : request.RawTarget[..end]).TrimStart('/').Split('/');
        if (v2)
        {
            wire = ["v2", .. wire];
        }

        // A trailing slash is part of a path (v3/applyment4sub/applyment/ is another path than without it). An empty
        // segment elsewhere, or a trailing one that finds nothing, is written "{}", which matches only a placeholder:
        // the request still finds its operation, and the validator names the placeholder left empty.
        var inner = string.Join('/', wire[..^1].Select(segment => segment.Length == 0 ? "{}" : segment));
        var operation = Lookup(request.Method, inner + "/" + wire[^1], baseUri);
        if (operation is null && wire[^1].Length == 0)
        {
            operation = Lookup(request.Method, inner + "/{}", baseUri);
        }

        if (operation is null)
        {
            return null;
        }

        var template = operation.Path.Split('/');
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length && i < wire.Length; i++)
        {
            if (template[i].Length > 2 && template[i][0] == '{' && template[i][^1] == '}')
            {
                placeholders[template[i][1..^1]] = Uri.UnescapeDataString(wire[i]);
            }
        }

        return new CatalogueMatch(operation, placeholders);
    }

    /// <summary>The catalogue's operation, if it ends with a slash exactly when the path does (the catalogue's match overlooks it).</summary>
    private static ApiOperation? Lookup(string method, string path, Uri baseUri) =>
        Catalogue.Find(method, path, baseUri) is { } found && found.Path.EndsWith('/') == path.EndsWith('/') ? found : null;
}

/// <summary>A request's catalogued operation and the values its path gives the placeholders.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Placeholders">Each placeholder's value as sent, decoded; empty when the segment was.</param>
internal sealed record CatalogueMatch(ApiOperation Operation, IReadOnlyDictionary<string, string> Placeholders);
