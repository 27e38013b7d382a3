using System.Net.Http.Headers;
using System.Text;

namespace WeChatPay.Chain;

/// <summary>The multipart body of a <see cref="MediaUpload"/>; the <c>signer</c> signs <see cref="Meta"/>, the part sent as <c>meta</c>.</summary>
internal sealed class MediaContent : MultipartFormDataContent
{
    public MediaContent(MediaUpload media)
        : base("----WeChatPayChain" + Guid.NewGuid().ToString("N"))
    {
        Meta = media.Meta;
        var meta = new ByteArrayContent(Encoding.UTF8.GetBytes(media.Meta));
        meta.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        meta.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"meta\"" };
        Add(meta);

        var file = new ReadOnlyMemoryContent(media.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + media.FileName.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"" };
        Add(file);
    }

    public string Meta { get; }
}
