using System.Security.Cryptography;

namespace WeChatPay.Chain;

/// <summary>
/// Downloads the file a bill request points at (<c>v3/bill/tradebill</c>, <c>v3/bill/fundflowbill</c>,
/// <c>v3/bill/sub-merchant-fundflowbill</c>, …): a signed GET of its <c>download_url</c>, whose answer carries no
/// signature, checked against the <c>hash_type</c>/<c>hash_value</c> of the (verified) bill response instead.
/// </summary>
public static class Download
{
    /// <summary>Fetches and checks the bill file; <see cref="WeChatPayResponse.Bytes"/> is the file as sent (gzip when asked for).</summary>
    /// <param name="instance">The instance the bill was requested with.</param>
    /// <param name="bill">The verified answer of the bill request: <c>download_url</c>, <c>hash_type</c>, <c>hash_value</c>.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="ArgumentException">The answer has no <c>download_url</c>, <c>hash_type</c> or <c>hash_value</c>, or names an unknown hash.</exception>
    /// <exception cref="DownloadIntegrityException">The bytes do not match <c>hash_value</c>.</exception>
    public static async Task<WeChatPayResponse> BillAsync(IChainNode instance, WeChatPayResponse bill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(bill);
        var data = bill.Parsed;
        var url = (string?)data?["download_url"] is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException("The bill answer has no download_url.", nameof(bill));
        var algorithm = (string?)data?["hash_type"] ?? throw new ArgumentException("The bill answer has no hash_type.", nameof(bill));
        var expected = (string?)data?["hash_value"] ?? throw new ArgumentException("The bill answer has no hash_value.", nameof(bill));

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var file = await instance.Chain(url.AbsolutePath.TrimStart('/')).GetAsync(
            new Dictionary<string, object?>
            {
                ["base_uri"] = new Uri(url.GetLeftPart(UriPartial.Authority) + "/"),
                ["query"] = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => (object?)query[k]),
            },
            cancellationToken).ConfigureAwait(false);
        Check(file, algorithm, expected);
        return file;
    }

    /// <summary>Checks <paramref name="file"/>'s bytes against <paramref name="expected"/> (hex, any case), in constant time.</summary>
    internal static void Check(WeChatPayResponse file, string algorithm, string expected)
    {
        var digest = algorithm.ToUpperInvariant() switch
        {
            "SHA1" => SHA1.HashData(file.Bytes.Span),
            "SHA256" => SHA256.HashData(file.Bytes.Span),
            _ => throw new ArgumentException($"hash_type {algorithm} is not one this library checks (SHA1, SHA256).", nameof(algorithm)),
        };
        var actual = Convert.ToHexString(digest);
        if (!Crypto.Hash.Equals(actual, expected.ToUpperInvariant()))
        {
            throw new DownloadIntegrityException(file, algorithm.ToUpperInvariant(), expected, actual.ToLowerInvariant());
        }
    }
}
