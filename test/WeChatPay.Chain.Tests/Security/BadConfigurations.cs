using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Security;

/// <summary>
/// Bad <see cref="BuilderOptions"/>, generated: every secret, in every form of <see cref="Mutations"/>, put in every
/// option it does not belong to (or where it belongs, in a wrong form), on top of each of several otherwise good
/// configurations. Deterministic for a seed; some inputs are valid after all (the p12 password given as the p12
/// password), and those must leak nothing either.
/// </summary>
internal static class BadConfigurations
{
    public sealed record Input(string Description, BuilderOptions Options);

    public static List<Input> All(Secrets secrets, HttpMessageHandler handler, int seed)
    {
        var random = new Random(seed);
        using var certificate = X509Certificate2.CreateFromPem(secrets.MerchantCertificatePem);
        var merchant = certificate.CopyWithPrivateKey(TestKeys.Merchant);
        var inputs = new List<Input>();
        foreach (var (baseName, makeBase) in Bases(secrets, handler, merchant))
        {
            foreach (var (secretName, secret) in secrets.All)
            {
                foreach (var (mutationName, mutate) in Mutations.All)
                {
                    var value = mutate(secret, random);
                    foreach (var (targetName, put) in Targets(secrets))
                    {
                        var options = makeBase();
                        if (put(options, value))
                        {
                            inputs.Add(new($"{secretName}, {mutationName}, as {targetName}, on {baseName}", options));
                        }
                    }
                }
            }
        }

        return inputs;
    }

    private static IEnumerable<(string Name, Func<BuilderOptions> Make)> Bases(Secrets secrets, HttpMessageHandler handler, X509Certificate2 merchant)
    {
        BuilderOptions V3(KeySource privateKey)
        {
            var options = new BuilderOptions
            {
                Mchid = TestKeys.Mchid,
                Serial = TestKeys.MerchantSerial,
                PrivateKey = privateKey,
                HttpMessageHandler = handler,
            };
            options.Certs[TestKeys.PlatformSerial] = TestKeys.PlatformCertificatePem;
            options.Certs[TestKeys.PublicKeyId] = TestKeys.WechatpayPublicKeyPem;
            return options;
        }

        yield return ("APIv3 with a loaded key", () => V3(TestKeys.Merchant));
        yield return ("APIv3 and APIv2 from PEM text", () =>
        {
            var options = V3(secrets.PrivateKeyPkcs8);
            options.ApiV3Key = secrets.ApiV3Key;
            options.Secret = secrets.ApiV2Key;
            return options;
        });
        yield return ("APIv2 with a merchant certificate", () => new BuilderOptions
        {
            Mchid = TestKeys.Mchid,
            Secret = secrets.ApiV2Key,
            Merchant = MerchantCertificate.FromCertificate(merchant),
            HttpMessageHandler = handler,
        });
        yield return ("APIv3 renewing its certificates", () =>
        {
            var options = V3(TestKeys.Merchant);
            options.Certs.Remove(TestKeys.PlatformSerial);
            options.ApiV3Key = secrets.ApiV3Key;
            options.AutoRenewCertificates = true;
            options.TimeProvider = new FakeTimeProvider();
            return options;
        });
        yield return ("APIv3 from file:// references", () =>
        {
            var options = V3("file://" + secrets.PrivateKeyPath);
            options.Certs[TestKeys.PublicKeyId] = "file://" + secrets.PublicKeyPath;
            return options;
        });
        yield return ("APIv3 and APIv2 with a p12 file", () =>
        {
            var options = V3(TestKeys.Merchant);
            options.Secret = secrets.ApiV2Key;
            options.Merchant = new MerchantCertificate(secrets.P12Path, secrets.Password);
            return options;
        });
    }

    /// <summary>Where a value is put; false when it cannot be expressed there (a URI that does not parse).</summary>
    private static IEnumerable<(string Name, Func<BuilderOptions, string, bool> Put)> Targets(Secrets secrets)
    {
        yield return ("Mchid", (o, v) => Set(() => o.Mchid = v));
        yield return ("Serial", (o, v) => Set(() => o.Serial = v));
        yield return ("PrivateKey", (o, v) => Set(() => o.PrivateKey = v));
        yield return ("a Certs name", (o, v) => Set(() => o.Certs[v] = TestKeys.WechatpayPublicKeyPem));
        yield return ("the Certs key of a public key id", (o, v) => Set(() => o.Certs[TestKeys.PublicKeyId] = v));
        yield return ("the Certs key of a platform serial", (o, v) => Set(() => o.Certs[TestKeys.PlatformSerial] = v));
        yield return ("ApiV3Key", (o, v) => Set(() => o.ApiV3Key = v));
        yield return ("Secret", (o, v) => Set(() => o.Secret = v));
        yield return ("the BaseUri user name", (o, v) => BaseUri(o, v, x => $"https://{x}@api.mch.weixin.qq.com/"));
        yield return ("the BaseUri password", (o, v) => BaseUri(o, v, x => $"https://1900000109:{x}@api.mch.weixin.qq.com/"));
        yield return ("the BaseUri host", (o, v) => BaseUri(o, v, x => $"https://{x}.example/"));
        yield return ("the BaseUri path", (o, v) => BaseUri(o, v, x => $"https://api.mch.weixin.qq.com/{x}/"));
        yield return ("the whole BaseUri", (o, v) => Uri.TryCreate(v, UriKind.RelativeOrAbsolute, out var uri) && Set(() => o.BaseUri = uri));
        yield return ("the p12 path", (o, v) => Set(() => o.Merchant = new MerchantCertificate(v, secrets.Password)));
        yield return ("the p12 password", (o, v) => Set(() => o.Merchant = new MerchantCertificate(secrets.P12Path, v)));
        yield return ("the merchant certificate of a PEM pair", (o, v) => Set(() => o.Merchant = MerchantCertificate.FromPem(v, secrets.PrivateKeyPkcs8)));
        yield return ("the merchant key of a PEM pair", (o, v) => Set(() => o.Merchant = MerchantCertificate.FromPem(secrets.MerchantCertificatePem, v)));
    }

    private static bool Set(Action set)
    {
        set();
        return true;
    }

    /// <summary>The value as given where the URI parser takes it, else percent-encoded; false when neither parses.</summary>
    private static bool BaseUri(BuilderOptions options, string value, Func<string, string> uri)
    {
        if (Uri.TryCreate(uri(value), UriKind.Absolute, out var raw) || Uri.TryCreate(uri(Uri.EscapeDataString(value)), UriKind.Absolute, out raw))
        {
            options.BaseUri = raw;
            return true;
        }

        return false;
    }
}
