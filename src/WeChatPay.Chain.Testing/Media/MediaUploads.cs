using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// The media upload APIs: a <c>multipart/form-data</c> request whose <c>meta</c> part (<c>filename</c>, <c>sha256</c>)
/// is what the request signature covers, and whose <c>file</c> part must match it.
/// </summary>
internal static class MediaUploads
{
    public static readonly HashSet<string> Paths = new(StringComparer.Ordinal)
    {
        "/v3/merchant/media/upload",
        "/v3/merchant/media/video_upload",
        "/v3/merchant-service/images/upload",
        "/v3/marketing/favor/media/image-upload",
    };

    private static readonly HashSet<string> Images = new(StringComparer.Ordinal) { ".jpg", ".jpeg", ".bmp", ".png" };
    private static readonly HashSet<string> Videos = new(StringComparer.Ordinal) { ".avi", ".wmv", ".mpeg", ".mp4", ".mov", ".mkv", ".flv", ".f4v", ".m4v", ".rmvb" };

    /// <summary>The raw <c>meta</c> and <c>file</c> parts of a multipart body, or <see langword="null"/> when it is not one.</summary>
    public static async Task<Parts?> ReadAsync(string? contentType, byte[] body)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var type) || type.MediaType != "multipart/form-data" || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        var reader = new MultipartReader(boundary, new MemoryStream(body));
        byte[]? meta = null, file = null;
        string? fileName = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                using var part = new MemoryStream();
                await section.Body.CopyToAsync(part).ConfigureAwait(false);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                names.Add(name);
                if (!disposition.FileName.HasValue && !disposition.FileNameStar.HasValue)
                {
                    fields[name] = Encoding.UTF8.GetString(part.ToArray());
                }

                switch (name)
                {
                    case "meta":
                        meta = part.ToArray();
                        break;
                    case "file":
                        file = part.ToArray();
                        fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        break;
                }
            }
        }
        catch (IOException)
        {
            return null;
        }

        return new Parts(meta, file, fileName) { Names = names, Fields = fields };
    }

    public static JObject Upload(string path, Parts? parts)
    {
        if (parts is not { Meta: { } metaBytes, File: { } file })
        {
            throw PlatformError.Param("需要 multipart/form-data 的 meta 与 file 两部分 (a meta part and a file part are required)");
        }

        JObject meta;
        try
        {
            meta = JObject.Parse(Encoding.UTF8.GetString(metaBytes));
        }
        catch (Newtonsoft.Json.JsonException)
        {
            throw PlatformError.Param("meta 不是合法的 JSON (meta is not JSON)", "meta");
        }

        var fileName = meta.Value<string>("filename") is { Length: > 0 } name ? name : throw PlatformError.Param("meta.filename 为必填 (required)", "filename");
        var video = path.EndsWith("video_upload", StringComparison.Ordinal);
        if (!(video ? Videos : Images).Contains(Path.GetExtension(fileName).ToLowerInvariant()))
        {
            throw PlatformError.Param($"文件格式不支持: {Path.GetExtension(fileName)} ({(video ? "avi, wmv, mpeg, mp4, mov, mkv, flv, f4v, m4v, rmvb" : "jpg, jpeg, bmp, png")} only)", "filename");
        }

        if (file.Length > (video ? 5 : 2) * 1024 * 1024)
        {
            throw PlatformError.Param($"文件大小超过限制 ({(video ? 5 : 2)} MB at most)", "file");
        }

        if (!string.Equals(meta.Value<string>("sha256"), Convert.ToHexString(SHA256.HashData(file)), StringComparison.OrdinalIgnoreCase))
        {
            throw PlatformError.Param("meta.sha256 与文件摘要不一致 (sha256 does not match the file)", "sha256");
        }

        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
        return path == "/v3/marketing/favor/media/image-upload"
            ? new JObject { ["media_url"] = "https://wxpaylogo.qpic.cn/wxpaylogo/" + id }
            : new JObject { ["media_id"] = id };
    }

    /// <summary>The parts of an upload as received: <c>meta</c> and <c>file</c>, every part's name, and the parts that are not files as text (APIv2 uploads carry their fields so).</summary>
    public sealed record Parts(byte[]? Meta, byte[]? File, string? FileName)
    {
        public IReadOnlySet<string> Names { get; init; } = new HashSet<string>();

        public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
    }
}
