namespace WeChatPay.Chain;

/// <summary>
/// The answer is larger than the limit for answers read into memory (<see cref="BuilderOptions.MaxResponseSize"/>), or
/// than the <c>maxBytes</c> of a streamed download: it was not read further, and the connection was closed. API answers
/// are small; stream files with <see cref="Download.ToFileAsync"/> or <see cref="Download.ToStreamAsync"/>.
/// </summary>
public sealed class ResponseTooLargeException : WeChatPayException
{
    internal ResponseTooLargeException(WeChatPayResponse response, long limit, long? declared, bool streamed)
        : base(
            $"The answer to {response.Method} {response.RequestUri.AbsolutePath} "
            + (declared is { } length ? $"is {length} bytes, over the {limit}-byte limit; it was not read." : $"runs past the {limit}-byte limit; it was not read further.")
            + (streamed ? " Raise the download's maxBytes if the file is expected to be this large." : " Raise BuilderOptions.MaxResponseSize, or stream a file with Download.ToFileAsync."),
            response)
    {
        Limit = limit;
        DeclaredLength = declared;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The answer's <c>Content-Length</c>, when it declared one.</summary>
    public long? DeclaredLength { get; }

    /// <summary>The response: status and headers; its body was not kept.</summary>
    public override WeChatPayResponse Response => base.Response!;
}
