using System.Text;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Testing;

/// <summary>Media uploads end to end, and the fake platform's own checks of them.</summary>
public class MediaUploadsTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7];

    [Test]
    public async Task Uploads_an_image_and_a_video_to_the_fake_platform()
    {
        await using var platform = await FakePlatform.StartAsync();
        dynamic wx = Builder.Factory(platform.ClientOptions());
        var path = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]);
        try
        {
            WeChatPayResponse image = await wx.V3.Merchant.Media.Upload.PostAsync(new { body = new MediaUpload("logo.png", Png) });
            WeChatPayResponse video = await wx.Chain("v3/merchant/media/video_upload").PostAsync(new { body = MediaUpload.FromFile("file://" + path) });
            Assert.That((string)image.Data!.media_id, Is.Not.Empty);
            Assert.That((string)video.Data!.media_id, Is.Not.Empty);
            Assert.That(platform.Requests.All(r => r.Accepted), Is.True, "the platform verified the signatures over meta");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Refuses_an_image_type_the_api_does_not_take()
    {
        await using var platform = await FakePlatform.StartAsync();
        dynamic wx = Builder.Factory(platform.ClientOptions());
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => (Task)wx.V3.Merchant.Media.Upload.PostAsync(new { body = new MediaUpload("logo.gif", Png) }));
        Assert.That(((string?)error!.Detail?["field"], error.Code), Is.EqualTo(("filename", "PARAM_ERROR")));
    }

    [Test]
    public void Platform_refuses_a_file_that_does_not_match_meta_sha256()
    {
        var meta = Encoding.UTF8.GetBytes($$"""{"filename":"logo.png","sha256":"{{new string('0', 64)}}"}""");
        var error = Assert.Throws<PlatformError>(() => MediaUploads.Upload("/v3/merchant/media/upload", new MediaUploads.Parts(meta, Png, "logo.png")));
        Assert.That(error!.Message, Does.Contain("sha256"));
    }

    [Test]
    public void Platform_refuses_an_upload_without_a_file_part() =>
        Assert.Throws<PlatformError>(() => MediaUploads.Upload("/v3/merchant/media/upload", new MediaUploads.Parts(Encoding.UTF8.GetBytes("{}"), null, null)));
}
