using System.Net.Http.Headers;
using System.Text;

namespace WeChatPay.Chain;

/// <summary>A request body serialised once: the signer signs <see cref="Text"/>, and its UTF-8 bytes are what is sent.</summary>
internal sealed class SignedBody : ByteArrayContent
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public SignedBody(string text, MediaTypeHeaderValue? contentType = null)
        : base(Encoding.UTF8.GetBytes(text))
    {
        Text = text;
        Headers.ContentType = contentType ?? Json;
    }

    public string Text { get; }
}
