using System.Security.Cryptography;
using System.Text;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Requests;

/// <summary>A media upload is multipart with meta and file, and its signature covers the meta JSON only.</summary>
public class MediaUploadTests : HttpTestFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    [SetUp]
    public void RespondSigned() => Http.RespondSigned("""{"media_id":"H1ihR9JUtVj"}""", Time);

    [Test]
    public async Task Sends_meta_and_file_parts_and_signs_the_meta_json_only()
    {
        var meta = $$"""{"filename":"logo.png","sha256":"{{Convert.ToHexString(SHA256.HashData(Png)).ToLowerInvariant()}}"}""";

        WeChatPayResponse res = await Wx.V3.Merchant.Media.Upload.PostAsync(new { body = new MediaUpload("logo.png", Png) });

        var message = Sent.HttpRequestMessage;
        Assert.That(message.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
        var multipart = await message.Content.ReadAsStringAsync();
        Assert.That(multipart, Does.Contain("Content-Disposition: form-data; name=\"meta\"\r\n\r\n" + meta + "\r\n"));
        Assert.That(multipart, Does.Contain("Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\""));
        Assert.That(multipart, Does.Contain("Content-Type: image/png"));
        Assert.That(await message.Content.ReadAsByteArrayAsync(), Is.SupersetOf(Png));
        SentRequest.Parse(message.Headers.Authorization!.ToString()).AssertSigned("POST", "/v3/merchant/media/upload", meta);
        Assert.That((string)res.Data!.media_id, Is.EqualTo("H1ihR9JUtVj"));
    }

    [Test]
    public void Describes_itself_without_the_content()
    {
        var upload = new MediaUpload("/tmp/dir/photo.JPG", Encoding.UTF8.GetBytes("secret-bytes"));
        Assert.That((upload.FileName, upload.ContentType), Is.EqualTo(("photo.JPG", "image/jpeg")));
        Assert.That(upload.ToString(), Does.Not.Contain("secret-bytes"));
    }
}
