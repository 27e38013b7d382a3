namespace WeChatPay.Chain.Transport;

/// <summary>
/// The attempts of one call on the wire, shared by every attempt and every copy of the request a retrying handler
/// makes (it rides in <see cref="HttpRequestMessage.Options"/>): how many went out, and how to sign another afresh.
/// </summary>
internal sealed class Attempts
{
    public static readonly HttpRequestOptionsKey<Attempts> Key = new("WeChatPay.Chain.Attempts");

    private int _count;

    /// <summary>How many attempts reached the innermost handler: 0 under <c>HttpTest</c>, which has no handlers.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Signs a request again with a new timestamp and nonce (APIv3) or <c>nonce_str</c> (APIv2); set by the built-in
    /// signer when it signs the first attempt. A signer of the caller's own sets none, and then a retry is refused.
    /// </summary>
    public Action<HttpRequestMessage>? Resign { get; set; }

    /// <summary>Counts an attempt; returns its number.</summary>
    public int Next() => Interlocked.Increment(ref _count);
}
