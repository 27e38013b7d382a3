using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain;

/// <summary>
/// A file for the APIv3 media uploads (<c>v3/merchant/media/upload</c>, <c>…/video_upload</c>,
/// <c>v3/merchant-service/images/upload</c>, …), passed as option <c>body</c>. It is sent as
/// <c>multipart/form-data</c> with a <c>meta</c> part (<c>{"filename":…,"sha256":…}</c>) and a <c>file</c> part; the
/// request signature covers <see cref="Meta"/> only, exactly as sent.
/// </summary>
public sealed class MediaUpload
{
    /// <summary>A file already in memory.</summary>
    /// <param name="fileName">The file name the platform sees; its extension decides the type (<c>.jpg</c>, <c>.png</c>, <c>.mp4</c>, …).</param>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">The file part's media type; from the extension when <see langword="null"/>.</param>
    public MediaUpload(string fileName, byte[] content, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        FileName = Path.GetFileName(fileName);
        Content = content;
        ContentType = contentType ?? TypeOf(FileName);
        Sha256 = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
        Meta = new JObject { ["filename"] = FileName, ["sha256"] = Sha256 }.ToString(Newtonsoft.Json.Formatting.None);
    }

    /// <summary>The file name sent in <c>meta</c> and in the file part.</summary>
    public string FileName { get; }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The file part's media type.</summary>
    public string ContentType { get; }

    /// <summary>Lower-case hex SHA-256 of the file, as <c>meta.sha256</c>.</summary>
    public string Sha256 { get; }

    /// <summary>The <c>meta</c> JSON, exactly as sent and signed.</summary>
    public string Meta { get; }

    /// <summary>Reads a file from disk.</summary>
    /// <param name="path">A plain or <c>file://</c> path.</param>
    /// <param name="contentType">The file part's media type; from the extension when <see langword="null"/>.</param>
    public static MediaUpload FromFile(string path, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var local = path.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Crypto.Rsa.LocalPath(path) : path;
        return new MediaUpload(local, File.ReadAllBytes(local), contentType);
    }

    /// <summary>The file name, type, size and hash; never the content.</summary>
    public override string ToString() => $"MediaUpload {{ {FileName}, {ContentType}, {Content.Length} bytes, sha256 {Sha256} }}";

    private static string TypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".bmp" => "image/bmp",
        ".gif" => "image/gif",
        ".mp4" => "video/mp4",
        ".avi" => "video/x-msvideo",
        ".wmv" => "video/x-ms-wmv",
        ".mpeg" => "video/mpeg",
        ".mov" => "video/quicktime",
        ".flv" => "video/x-flv",
        _ => "application/octet-stream",
    };
}
