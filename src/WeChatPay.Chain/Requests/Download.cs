using System.Security.Cryptography;

namespace WeChatPay.Chain;

/// <summary>
/// File downloads: bill files (<c>v3/bill/tradebill</c>, <c>v3/bill/fundflowbill</c>, …: a signed GET of the bill's
/// <c>download_url</c>, whose answer carries no signature and is checked against the bill's
/// <c>hash_type</c>/<c>hash_value</c> instead) and any other file endpoint (<c>v3/statements</c>, whose
/// <c>Wechatpay-Statement-Sha1</c> is verified and checked). Files are streamed to a <see cref="Stream"/> or a file with
/// a limit of their own and their digest checked as they stream; <see cref="BillAsync"/> reads a small one into memory.
/// </summary>
public static class Download
{
    /// <summary>The default limit of a streamed download: 4 GiB.</summary>
    public const long DefaultMaxBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Fetches and checks the bill file into memory, within <see cref="BuilderOptions.MaxResponseSize"/>;
    /// <see cref="WeChatPayResponse.Bytes"/> is the file as sent (gzip when asked for). Stream large bills with
    /// <see cref="BillToFileAsync"/>.
    /// </summary>
    /// <param name="instance">The instance the bill was requested with.</param>
    /// <param name="bill">The verified answer of the bill request: <c>download_url</c>, <c>hash_type</c>, <c>hash_value</c>.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="ArgumentException">The answer has no <c>download_url</c>, <c>hash_type</c> or <c>hash_value</c>, or names an unknown hash.</exception>
    /// <exception cref="DownloadIntegrityException">The bytes do not match <c>hash_value</c>.</exception>
    /// <exception cref="ResponseTooLargeException">The file is larger than <see cref="BuilderOptions.MaxResponseSize"/>.</exception>
    public static Task<WeChatPayResponse> BillAsync(IChainNode instance, WeChatPayResponse bill, CancellationToken cancellationToken = default)
    {
        var (client, path, options, digest) = Bill(instance, bill);
        return client.SendAsync(HttpMethod.Get, path, options, digest, cancellationToken);
    }

    /// <summary>Streams the bill file to <paramref name="destination"/>, checking it against the bill's hash as it streams.</summary>
    /// <param name="instance">The instance the bill was requested with.</param>
    /// <param name="bill">The verified answer of the bill request.</param>
    /// <param name="destination">Where the bytes go, as they come; on a <see cref="DownloadIntegrityException"/> discard them.</param>
    /// <param name="maxBytes">The most bytes to accept.</param>
    /// <param name="progress">Told the number of bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <inheritdoc cref="BillAsync" path="/exception"/>
    public static Task<long> BillToStreamAsync(IChainNode instance, WeChatPayResponse bill, Stream destination, long maxBytes = DefaultMaxBytes, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var (client, path, options, digest) = Bill(instance, bill);
        return client.DownloadAsync(path, options, destination, Limit(maxBytes), digest, progress, cancellationToken);
    }

    /// <summary>
    /// Streams the bill file to <paramref name="path"/>, checking it against the bill's hash as it streams. The file
    /// appears (replacing one of that name) only once the whole file arrived and matched; a partial download is removed.
    /// </summary>
    /// <param name="instance">The instance the bill was requested with.</param>
    /// <param name="bill">The verified answer of the bill request.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="maxBytes">The most bytes to accept.</param>
    /// <param name="progress">Told the number of bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <inheritdoc cref="BillAsync" path="/exception"/>
    public static Task<long> BillToFileAsync(IChainNode instance, WeChatPayResponse bill, string path, long maxBytes = DefaultMaxBytes, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var (client, template, options, digest) = Bill(instance, bill);
        return ToFile(path, stream => client.DownloadAsync(template, options, stream, Limit(maxBytes), digest, progress, cancellationToken));
    }

    /// <summary>
    /// Streams the file a GET of <paramref name="file"/> answers (<c>wx.Chain("v3/statements")</c>,
    /// <c>wx.Chain("v3/billdownload/file")</c>, …) to <paramref name="destination"/>; a statement's
    /// <c>Wechatpay-Statement-Sha1</c> is verified before the first byte and checked as the file streams.
    /// </summary>
    /// <param name="file">The chain node of the file endpoint.</param>
    /// <param name="destination">Where the bytes go, as they come; on a <see cref="DownloadIntegrityException"/> discard them.</param>
    /// <param name="options">The GET's options (<c>query</c>, placeholders, …).</param>
    /// <param name="maxBytes">The most bytes to accept.</param>
    /// <param name="progress">Told the number of bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="DownloadIntegrityException">The bytes do not match the digest the platform gave.</exception>
    /// <exception cref="ResponseTooLargeException">The file is longer than <paramref name="maxBytes"/>.</exception>
    public static Task<long> ToStreamAsync(IChainNode file, Stream destination, object? options = null, long maxBytes = DefaultMaxBytes, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var node = Node(file, nameof(file));
        return node.Client.DownloadAsync(node.Template, options, destination, Limit(maxBytes), null, progress, cancellationToken);
    }

    /// <summary>
    /// Streams the file a GET of <paramref name="file"/> answers to <paramref name="path"/>, which appears (replacing one
    /// of that name) only once the whole file arrived and matched any digest; a partial download is removed.
    /// </summary>
    /// <param name="file">The chain node of the file endpoint.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="options">The GET's options (<c>query</c>, placeholders, …).</param>
    /// <param name="maxBytes">The most bytes to accept.</param>
    /// <param name="progress">Told the number of bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <inheritdoc cref="ToStreamAsync" path="/exception"/>
    public static Task<long> ToFileAsync(IChainNode file, string path, object? options = null, long maxBytes = DefaultMaxBytes, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var node = Node(file, nameof(file));
        return ToFile(path, stream => node.Client.DownloadAsync(node.Template, options, stream, Limit(maxBytes), null, progress, cancellationToken));
    }

    /// <summary>The digest a <c>hash_type</c> names; the ones this library checks are SHA1 and SHA256.</summary>
    internal static HashAlgorithmName HashAlgorithm(string name, string paramName) => name.ToUpperInvariant() switch
    {
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA256" => HashAlgorithmName.SHA256,
        _ => throw new ArgumentException($"hash_type {Excerpt.Of(name, Excerpt.TokenLength)} is not one this library checks (SHA1, SHA256).", paramName),
    };

    /// <summary>Refuses <paramref name="file"/> when <paramref name="actual"/> is not the digest <paramref name="expected"/> (hex, any case); compared in constant time.</summary>
    internal static void Check(WeChatPayResponse file, string algorithm, string expected, byte[] actual)
    {
        var hex = Convert.ToHexString(actual);
        if (!Crypto.Hash.Equals(hex, expected.ToUpperInvariant()))
        {
            throw new DownloadIntegrityException(file, algorithm.ToUpperInvariant(), expected, hex.ToLowerInvariant());
        }
    }

    private static (Client Client, PathTemplate Path, Dictionary<string, object?> Options, (string, string) Digest) Bill(IChainNode instance, WeChatPayResponse bill)
    {
        var node = Node(instance, nameof(instance));
        ArgumentNullException.ThrowIfNull(bill);
        var data = bill.Parsed;
        var url = Json.Text(data, "download_url") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException("The bill answer has no download_url.", nameof(bill));
        var algorithm = Json.Text(data, "hash_type") ?? throw new ArgumentException("The bill answer has no hash_type.", nameof(bill));
        var expected = Json.Text(data, "hash_value") ?? throw new ArgumentException("The bill answer has no hash_value.", nameof(bill));
        _ = HashAlgorithm(algorithm, nameof(bill));

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var options = new Dictionary<string, object?>
        {
            ["base_uri"] = new Uri(url.GetLeftPart(UriPartial.Authority) + "/"),
            ["query"] = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => (object?)query[k]),
        };
        return (node.Client, PathTemplate.Root.Append(Segment.FromLiteral(url.AbsolutePath, "download_url")), options, (algorithm, expected));
    }

    private static ChainNode Node(IChainNode node, string name) =>
        (node ?? throw new ArgumentNullException(name)) as ChainNode ?? throw new ArgumentException("Pass a node of the instance Builder.Factory returned.", name);

    private static long Limit(long maxBytes) => maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "maxBytes must be positive.");

    private static async Task<long> ToFile(string path, Func<Stream, Task<long>> download)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var partial = full + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".partial";
        try
        {
            long written;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                written = await download(stream).ConfigureAwait(false);
            }

            File.Move(partial, full, overwrite: true);
            return written;
        }
        catch
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The download's own failure is what the caller needs to see; a leftover .partial file is harmless.
            }

            throw;
        }
    }
}
