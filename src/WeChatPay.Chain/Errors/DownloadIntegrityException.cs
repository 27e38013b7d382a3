namespace WeChatPay.Chain;

/// <summary>A downloaded file's bytes do not match the digest the platform gave for them: do not use the file.</summary>
public sealed class DownloadIntegrityException : WeChatPayException
{
    internal DownloadIntegrityException(WeChatPayResponse response, string algorithm, string expected, string actual)
        : base($"The file downloaded from {response.RequestUri.AbsolutePath} has {algorithm} {actual}, not the {Excerpt.Of(expected, Excerpt.TokenLength)} the platform gave: it was altered or cut short.", response)
    {
        Algorithm = algorithm;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The digest algorithm (<c>SHA1</c>, <c>SHA256</c>).</summary>
    public string Algorithm { get; }

    /// <summary>The digest the platform gave.</summary>
    public string Expected { get; }

    /// <summary>The digest of the bytes received.</summary>
    public string Actual { get; }

    /// <summary>The download's response: status and headers (and the bytes, when they were read into memory).</summary>
    public override WeChatPayResponse Response => base.Response!;
}
