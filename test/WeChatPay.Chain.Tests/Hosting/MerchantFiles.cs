using Newtonsoft.Json.Linq;
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Hosting;

/// <summary>
/// A fake platform's merchant written out as a deployment would hold it: key and certificate files in a folder, the
/// rest as configuration values under <c>{section}:…</c>, secrets apart (to come from environment variables).
/// </summary>
internal sealed class MerchantFiles : IDisposable
{
    public MerchantFiles(FakePlatform platform, string section)
    {
        var credentials = platform.Credentials;
        Folder = Directory.CreateTempSubdirectory("wechatpay-hosting-").FullName;
        string Write(string name, string text)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, text);
            return "file://" + path;
        }

        Settings = new Dictionary<string, string?>
        {
            [$"{section}:Mchid"] = credentials.Mchid,
            [$"{section}:Serial"] = credentials.MerchantSerial,
            [$"{section}:PrivateKey"] = Write("apiclient_key.pem", credentials.MerchantKey.ExportPkcs8PrivateKeyPem()),
            [$"{section}:Certs:{credentials.PublicKeyId}"] = Write("pub_key.pem", credentials.PublicKey.ExportSubjectPublicKeyInfoPem()),
            [$"{section}:Certs:{credentials.PlatformSerial}"] = Write("platform.pem", credentials.PlatformCertificate.ExportCertificatePem()),
            [$"{section}:BaseUri"] = platform.BaseUri.ToString(),
            [$"{section}:TrustedRoots:0"] = Write("ca.pem", credentials.CertificateAuthority.ExportCertificatePem()),
            [$"{section}:Merchant:Certificate"] = Write("apiclient_cert.pem", credentials.MerchantCertificate.ExportCertificatePem()),
            [$"{section}:Merchant:PrivateKey"] = "file://" + Path.Combine(Folder, "apiclient_key.pem"),
        };
        Secrets = new Dictionary<string, string>
        {
            [$"{section}:ApiV3Key"] = credentials.ApiV3Key,
            [$"{section}:Secret"] = credentials.ApiV2Key,
        };
    }

    public string Folder { get; }

    /// <summary>What goes in appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>What comes from environment variables (or user-secrets, a vault).</summary>
    public Dictionary<string, string> Secrets { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Flat configuration keys (<c>a:b:c</c>) as the nested JSON of an appsettings.json file.</summary>
    public static JObject Json(IEnumerable<KeyValuePair<string, string?>> flat)
    {
        var root = new JObject();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = (JObject)(node[part] ??= new JObject());
            }

            node[parts[^1]] = value;
        }

        return root;
    }
}
