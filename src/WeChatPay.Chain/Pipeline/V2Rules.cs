namespace WeChatPay.Chain.Pipeline;

/// <summary>The APIv2 paths that differ from the rule, as data (PROTOCOL.md): add to these lists, not to the code.</summary>
internal static class V2Rules
{
    /// <summary>Paths (wire form, no <c>v2/</c>) that require HMAC-SHA256: it is the default there, and MD5 is refused.</summary>
    public static readonly HashSet<string> HmacRequired = new(StringComparer.Ordinal)
    {
        "/secapi/pay/profitsharing",
        "/secapi/pay/multiprofitsharing",
        "/secapi/pay/profitsharingreturn",
        "/secapi/pay/profitsharingfinish",
        "/pay/profitsharingquery",
        "/pay/profitsharingaddreceiver",
        "/pay/profitsharingremovereceiver",
        "/pay/profitsharingorderamountquery",
        "/pay/profitsharingreturnquery",
        "/pay/profitsharingmerchantratioquery",
    };

    /// <summary>Paths whose answers carry no <c>sign</c>, so there is none to verify.</summary>
    public static readonly HashSet<string> Unsigned = new(StringComparer.Ordinal)
    {
        "/mmpaymkttransfers/promotion/transfers",
        "/mmpaymkttransfers/sendredpack",
        "/mmpaymkttransfers/sendgroupredpack",
        "/mmpaymkttransfers/sendminiprogramhb",
        "/mmpaymkttransfers/gethbinfo",
        "/mmpaymkttransfers/gettransferinfo",
        "/mmpaysptrans/pay_bank",
        "/mmpaysptrans/query_bank",
        "/mmpaymkttransfers/pay_bank",
        "/mmpaymkttransfers/query_bank",
        "/pay/downloadbill",
        "/pay/downloadfundflow",
        "/risk/getpublickey",
        "/papay/h5entrustweb",
        "/papay/entrustweb",
        "/papay/partner/entrustweb",
        "/xdc/apiv2getsignkey/sign/getsignkey",
        "/sandboxnew/pay/getsignkey",
    };

    /// <summary>The fields that name the merchant; each, when present, must be the configured merchant id.</summary>
    public static readonly string[] MerchantFields = ["mch_id", "mchid", "combine_mch_id"];

    /// <summary>
    /// The paths of the APIv2 operations the catalogue marks as requiring the certificate, or null when one has a
    /// placeholder (then any path may match one). A path outside the set needs no lookup, so most calls make none;
    /// the set is the catalogue's, not the callers', so it cannot grow.
    /// </summary>
    private static readonly Lazy<HashSet<string>?> CertificatePaths = new(() =>
    {
        var paths = Catalogue.Operations.Where(o => o.IsV2 && o.CertificateRequired).Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        return paths.Any(p => p.Contains('{', StringComparison.Ordinal)) ? null : paths;
    });

    /// <summary>
    /// Whether the call must present the merchant certificate (mutual TLS): a <c>secapi/</c> path (<paramref name="wire"/>,
    /// without <c>v2/</c>), catalogued or not, or an operation the catalogue marks <see cref="ApiOperation.CertificateRequired"/>
    /// (<c>v2/mmpaymkttransfers/promotion/transfers</c> and others outside <c>secapi/</c>). The catalogue's answer is kept
    /// on the path template, so a node reused with one method and base looks it up once; kept there, not in a table
    /// keyed by path text, which literal values in paths would grow without bound.
    /// </summary>
    public static bool NeedsCertificate(HttpMethod method, PathTemplate path, string wire, Uri baseUri)
    {
        if (wire.StartsWith("secapi/", StringComparison.Ordinal))
        {
            return true;
        }

        if (CertificatePaths.Value is { } paths && !paths.Contains(path.Text))
        {
            return false;
        }

        if (path.Certificate is { } known && known.Method == method && (ReferenceEquals(known.BaseUri, baseUri) || known.BaseUri.Equals(baseUri)))
        {
            return known.Required;
        }

        var required = Catalogue.Find(method.Method, path.Text, baseUri)?.CertificateRequired == true;
        path.Certificate = new CertificateLookup(method, baseUri, required);
        return required;
    }
}

/// <summary>One answer of <see cref="V2Rules.NeedsCertificate"/>, with the method and base address it is for.</summary>
internal sealed record CertificateLookup(HttpMethod Method, Uri BaseUri, bool Required);
