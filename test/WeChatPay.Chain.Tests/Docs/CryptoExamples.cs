// The examples of docs/crypto.md and docs/sensitive-fields-and-media.md, compiled and run.
using System.Security.Cryptography;
using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;
using AesGcm = WeChatPay.Chain.Crypto.AesGcm;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class CryptoExamples : PlatformFixture
{
    [Test]
    public void Jsapi_pay_sign()
    {
        var merchantPrivateKeyPem = Platform.Credentials.MerchantKey.ExportPkcs8PrivateKeyPem();
        #region crypto-jsapi-paysign
        RSA merchantKey = Rsa.From(merchantPrivateKeyPem);          // PEM, file://, private.pkcs1://, private.pkcs8://…
        var appId = "wx8888888888888888";
        var timeStamp = Formatter.Timestamp();
        var nonceStr = Formatter.Nonce();
        var package = "prepay_id=wx201410272009395522657a690389285100";
        var paySign = Rsa.Sign(Formatter.JoinedByLineFeed(appId, timeStamp, nonceStr, package), merchantKey);
        var forTheFrontEnd = new { appId, timeStamp, nonceStr, package, signType = "RSA", paySign };
        #endregion
        Assert.That(Rsa.Verify(Formatter.JoinedByLineFeed(appId, timeStamp, nonceStr, package), forTheFrontEnd.paySign, Platform.Credentials.MerchantKey), Is.True);
    }

    [Test]
    public void Guomi_helpers()
    {
        var keys = new WeChatPay.Chain.Tests.Crypto.Sm2TestKeys();
        var (merchantSm2KeyPem, platformSm2CertificatePem) = (keys.Pkcs8Pem, keys.CertificatePem);
        var apiV3Key = Platform.Credentials.ApiV3Key;
        var message = Formatter.Request("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", "");
        var ciphertext = Sm4.Encrypt("""{"out_trade_no":"1217752501201407033233368018"}""", apiV3Key, "fdasflkja484", "transaction");
        #region crypto-guomi
        Sm2PrivateKey merchantKey = Sm2.LoadPrivateKey(merchantSm2KeyPem);        // PKCS#8 or SEC1 PEM, or file://
        Sm2PublicKey platformKey = Sm2.LoadPublicKey(platformSm2CertificatePem);  // certificate or SPKI PEM, or file://
        var signature = Sm2.Sign(message, merchantKey);                           // SM3withSM2, user id 1234567812345678, base64 DER
        var genuine = Sm2.Verify(message, signature, merchantKey.PublicKey);
        var field = Sm2.Encrypt("张三", platformKey);                              // SM2_C1C3C2_ASN1, base64
        var plaintext = Sm4.Decrypt(ciphertext, apiV3Key, "fdasflkja484", "transaction"); // AEAD_SM4_GCM
        var digest = Sm3.Hex("abc");                                              // 66c7f0f4…8f4ba8e0
        #endregion
        Assert.That(genuine && Sm2.Verify(message, signature, Sm2.LoadPublicKey(keys.SpkiPem)), Is.True);
        Assert.That(Sm2.Decrypt(field, merchantKey), Is.EqualTo("张三"));
        Assert.That(plaintext, Does.Contain("1217752501201407033233368018"));
        Assert.That(digest, Does.StartWith("66c7f0f4").And.EndWith("8f4ba8e0"));
    }

    [Test]
    public void Decrypt_a_resource()
    {
        var apiV3Key = Platform.Credentials.ApiV3Key;
        var ciphertext = AesGcm.Encrypt("""{"out_trade_no":"1217752501201407033233368018"}""", apiV3Key, "fdasflkja484", "transaction");
        #region crypto-aes-gcm
        // resource.ciphertext, resource.nonce, resource.associated_data of a notification or a certificate download
        var plaintext = AesGcm.Decrypt(ciphertext, apiV3Key, "fdasflkja484", "transaction");
        #endregion
        Assert.That(plaintext, Does.Contain("1217752501201407033233368018"));
    }

    [Test]
    public void Sign_apiv2_fields()
    {
        #region crypto-v2-sign
        var fields = new Dictionary<string, string>
        {
            ["appid"] = "wxd930ea5d5a258f4f",
            ["mch_id"] = "10000100",
            ["device_info"] = "1000",
            ["body"] = "test",
            ["nonce_str"] = "ibuaiVcKdpRxkhJA",
        };
        var md5 = Hash.Sign(fields, "192006250b4c09247ec02edce69f6a2d", Hash.Md5Type);         // 9A0A8659F005D6984697E2CA0A9CF3B7
        var hmac = Hash.Sign(fields, "192006250b4c09247ec02edce69f6a2d", Hash.HmacSha256Type); // 6A9AE165…DACD6
        var xml = Transformer.ToXml(fields);
        #endregion
        Assert.That((md5, hmac[..8], xml[..5]), Is.EqualTo(("9A0A8659F005D6984697E2CA0A9CF3B7", "6A9AE165", "<xml>")));
    }

    [Test]
    public async Task Sensitive_fields()
    {
        IChainNode wx = Builder.Factory(Platform.ClientOptions());
        string? opened = null;
        #region sensitive-fields
        var res = await wx.Chain("v3/profitsharing/receivers/add").PostAsync(new
        {
            json = new
            {
                appid = "wx8888888888888888",
                type = "MERCHANT_ID",
                account = "86693852",
                name = Sensitive.Of("腾讯科技有限公司"),     // sent encrypted; Wechatpay-Serial set to the key used
                relation_type = "PARTNER",
            },
        });
        opened = Sensitive.Decrypt(wx, (string)res.Data!.name); // fields the platform encrypted to you
        #endregion
        Assert.That(opened, Is.EqualTo("腾讯科技有限公司"));
    }

    [Test]
    public async Task Media_upload()
    {
        dynamic wx = Builder.Factory(Platform.ClientOptions());
        var path = Path.Combine(Path.GetTempPath(), $"logo-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        try
        {
            #region media-upload
            var res = await wx.V3.Merchant.Media.Upload.PostAsync(new
            {
                body = MediaUpload.FromFile(path),   // meta {filename, sha256} and file; only meta is signed
            });
            string mediaId = res.Data.media_id;
            #endregion
            Assert.That(mediaId, Is.Not.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
