namespace WeChatPay.Chain.Pipeline;

/// <summary>The APIv3 paths whose body is a file the platform does not sign (PROTOCOL.md); <c>*</c> stands for one segment.</summary>
internal static class Downloads
{
    private static readonly string[][] Patterns = [.. new[]
    {
        "/v3/billdownload/file",
        "/v3/statements",
        "/hk/v3/statements",
        "/v3/global/statements",
        "/v3/new-tax-control-fapiao/download",
        "/v3/transferdownload/elecvoucherfile",
        "/v3/transferdownload/signfile",
        "/v3/merchant-service/images/*",
    }.Select(p => p.Split('/'))];

    private static readonly HashSet<string> NotFiles = new(StringComparer.Ordinal) { "/v3/merchant-service/images/upload" };

    /// <summary>The overseas statement paths, whose answers may carry <c>Wechatpay-Statement-Sha1</c>.</summary>
    public static bool IsStatement(string path) => path is "/v3/statements" or "/hk/v3/statements" or "/v3/global/statements";

    public static bool IsFile(string path)
    {
        if (NotFiles.Contains(path))
        {
            return false;
        }

        var segments = path.Split('/');
        return Array.Exists(Patterns, pattern => pattern.Length == segments.Length
            && pattern.Zip(segments).All(p => p.First == "*" || p.First == p.Second));
    }
}
