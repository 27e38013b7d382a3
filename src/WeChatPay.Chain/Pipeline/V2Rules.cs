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

    /// <summary>Whether calls to the path must present the merchant certificate (mutual TLS).</summary>
    public static bool NeedsCertificate(string path) => path.StartsWith("/secapi/", StringComparison.Ordinal);
}
