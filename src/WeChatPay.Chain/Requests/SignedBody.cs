using System.Net.Http.Headers;
using Flurl.Http.Content;

namespace WeChatPay.Chain;

/// <summary>
/// A request body serialised once: the signer signs <see cref="CapturedStringContent.Content"/>, its UTF-8 bytes are
/// what is sent, and Flurl's <c>HttpTest</c> records it for request-body assertions.
/// </summary>
internal sealed class SignedBody : CapturedStringContent
{
    public SignedBody(string text)
        : base(text)
    {
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    /// <summary>The serial of the key that sealed sensitive fields in this body, if any did.</summary>
    public string? SealedWith { get; init; }
}
